'use client';
import { useRef, useState, useTransition, type RefObject } from 'react';
import { MoveButtons } from '@/components/admin/sections/move-buttons';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action';
import type { MoveDirection } from '@/lib/validations/sections';

/**
 * What a section row and a column row share: the rename toggle (focus returns to its button),
 * the retire/restore toggle (retiring asks first) and the row's error.
 */
export function useCatalogueEntry({
  isRetired,
  retireQuestion,
  setRetired,
}: {
  isRetired: boolean;
  retireQuestion: string;
  setRetired: (isRetired: boolean) => Promise<ActionResult<unknown>>;
}) {
  const [isRenaming, setIsRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const renameButton = useRef<HTMLButtonElement>(null);

  function onToggleRetired() {
    if (!isRetired && !window.confirm(retireQuestion)) return;
    startTransition(async () => {
      const result = await setRetired(!isRetired);
      setError(result.ok ? null : result.message);
    });
  }

  function onCloseRename() {
    setIsRenaming(false);
    renameButton.current?.focus();
  }

  return {
    isRenaming,
    error,
    onCloseRename,
    /** The props CatalogueEntryControls takes from here. */
    controls: {
      renameButtonRef: renameButton,
      onToggleRename: () => setIsRenaming((v) => !v),
      onToggleRetired,
      onError: setError,
      isPending,
    },
  };
}

/** 上移 / 下移 and 重命名 for an entry in use, and 停用 / 恢复 for every entry. */
export function CatalogueEntryControls({
  renameButtonRef,
  onToggleRename,
  onToggleRetired,
  onError,
  isPending,
  noun,
  name,
  isRetired,
  position,
  canMoveUp,
  canMoveDown,
  onMove,
}: {
  renameButtonRef: RefObject<HTMLButtonElement | null>;
  onToggleRename: () => void;
  onToggleRetired: () => void;
  onError: (message: string) => void;
  isPending: boolean;
  /** 栏目 or 专栏, for the retire button's accessible name. */
  noun: string;
  name: string;
  isRetired: boolean;
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: MoveDirection) => Promise<ActionResult<{ isMoved: boolean }>>;
}) {
  return (
    <span className="ml-auto flex gap-2">
      {!isRetired && (
        <>
          <MoveButtons
            label={name}
            position={position}
            canMoveUp={canMoveUp}
            canMoveDown={canMoveDown}
            onMove={onMove}
            onError={onError}
          />
          <Button ref={renameButtonRef} variant="outline" size="sm" onClick={onToggleRename}>
            重命名
          </Button>
        </>
      )}
      <Button
        variant={isRetired ? 'outline' : 'danger'}
        size="sm"
        onClick={onToggleRetired}
        disabled={isPending}
        aria-label={`${isRetired ? '恢复' : '停用'}${noun}“${name}”`}
      >
        {isRetired ? '恢复' : '停用'}
      </Button>
    </span>
  );
}
