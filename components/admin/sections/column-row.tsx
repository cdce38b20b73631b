'use client';
import { useRef, useState, useTransition } from 'react';
import { MoveButtons } from '@/components/admin/sections/move-buttons';
import { RenameForm } from '@/components/admin/sections/rename-form';
import { RetiredBadge } from '@/components/admin/sections/retired-badge';
import { Button } from '@/components/ui/button';
import {
  moveSectionColumnAction,
  renameSectionColumnAction,
  setSectionColumnRetiredAction,
} from '@/lib/actions/sections';
import type { SectionColumnEntry } from '@/lib/data/sections';
import { cn } from '@/lib/utils';
import { FormError } from '@/components/ui/form-error';

/** A column (专栏) inside a section: reorder, rename, retire or restore. */
export function ColumnRow({
  column,
  position,
  canMoveUp,
  canMoveDown,
  isReadOnly,
}: {
  column: SectionColumnEntry;
  /** 1-based place among the section's active columns. */
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** The section itself is retired: shown only. */
  isReadOnly: boolean;
}) {
  const [isRenaming, setIsRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const renameButton = useRef<HTMLButtonElement>(null);

  function onToggleRetired() {
    if (!column.isRetired && !window.confirm(`确定停用专栏“${column.name}”吗？已有稿件不受影响。`)) return;
    startTransition(async () => {
      const result = await setSectionColumnRetiredAction({ id: column.id, isRetired: !column.isRetired });
      setError(result.ok ? null : result.message);
    });
  }

  function onCloseRename() {
    setIsRenaming(false);
    renameButton.current?.focus();
  }

  return (
    <li className="py-1.5" data-testid={`column-row-${column.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn('text-sm', (column.isRetired || isReadOnly) && 'text-muted-foreground')}>{column.name}</span>
        {column.isRetired && <RetiredBadge />}
        {!isReadOnly && (
          <span className="ml-auto flex gap-2">
            {!column.isRetired && (
              <>
                <MoveButtons
                  label={column.name}
                  position={position}
                  canMoveUp={canMoveUp}
                  canMoveDown={canMoveDown}
                  onMove={(direction) => moveSectionColumnAction({ id: column.id, direction })}
                  onError={setError}
                />
                <Button ref={renameButton} variant="outline" size="sm" onClick={() => setIsRenaming((v) => !v)}>
                  重命名
                </Button>
              </>
            )}
            <Button
              variant={column.isRetired ? 'outline' : 'danger'}
              size="sm"
              onClick={onToggleRetired}
              disabled={isPending}
              aria-label={`${column.isRetired ? '恢复' : '停用'}专栏“${column.name}”`}
            >
              {column.isRetired ? '恢复' : '停用'}
            </Button>
          </span>
        )}
      </div>
      <FormError message={error} className="mt-1 text-sm text-danger" />
      {isRenaming && (
        <RenameForm
          id={column.id}
          name={column.name}
          idPrefix={`column-${column.id}`}
          label="专栏名称"
          renameAction={renameSectionColumnAction}
          onClose={onCloseRename}
        />
      )}
    </li>
  );
}
