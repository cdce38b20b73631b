'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action';
import type { MoveDirection } from '@/lib/validations/sections';

/**
 * 上移 / 下移 for one entry of an ordered list. The row is re-rendered at its new place after a
 * move, so the pressed button takes the focus back (or its twin, when the entry reached the
 * edge), letting a keyboard user press it again; the new place is announced.
 */
export function MoveButtons({
  label,
  position,
  canMoveUp,
  canMoveDown,
  onMove,
  onError,
}: {
  /** The entry's name, for the buttons' accessible names. */
  label: string;
  /** The entry's 1-based place in its list, as now rendered. */
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: MoveDirection) => Promise<ActionResult<{ isMoved: boolean }>>;
  onError: (message: string) => void;
}) {
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<MoveDirection | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [, startTransition] = useTransition();

  useEffect(() => {
    const direction = pendingFocus.current;
    if (!direction) return;
    pendingFocus.current = null;
    const [preferred, other] = direction === 'up' ? [upRef, downRef] : [downRef, upRef];
    (preferred.current?.disabled ? other.current : preferred.current)?.focus();
  }, [position]);

  function move(direction: MoveDirection) {
    startTransition(async () => {
      pendingFocus.current = direction;
      const result = await onMove(direction);
      if (!result.ok) onError(result.message);
      if (result.ok && result.data.isMoved) {
        setAnnouncement(`“${label}”已移到第${direction === 'up' ? position - 1 : position + 1}位`);
      } else {
        pendingFocus.current = null;
      }
    });
  }

  const buttons = [
    { direction: 'up', ref: upRef, arrow: '↑', word: '上移', canMove: canMoveUp },
    { direction: 'down', ref: downRef, arrow: '↓', word: '下移', canMove: canMoveDown },
  ] as const;
  return (
    <span className="flex gap-1">
      {buttons.map(({ direction, ref, arrow, word, canMove }) => (
        <Button key={direction} ref={ref} variant="outline" size="sm" aria-label={`${word}“${label}”`} title={word} disabled={!canMove} onClick={() => move(direction)}>
          {arrow} {word}
        </Button>
      ))}
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </span>
  );
}
