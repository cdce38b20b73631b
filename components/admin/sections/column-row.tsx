'use client';
import { CatalogueEntryControls, useCatalogueEntry } from '@/components/admin/sections/catalogue-entry';
import { RenameForm } from '@/components/admin/sections/rename-form';
import { RetiredBadge } from '@/components/admin/sections/retired-badge';
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
  const entry = useCatalogueEntry({
    isRetired: column.isRetired,
    retireQuestion: `确定停用专栏“${column.name}”吗？已有稿件不受影响。`,
    setRetired: (isRetired) => setSectionColumnRetiredAction({ id: column.id, isRetired }),
  });

  return (
    <li className="py-1.5" data-testid={`column-row-${column.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn('text-sm', (column.isRetired || isReadOnly) && 'text-muted-foreground')}>{column.name}</span>
        {column.isRetired && <RetiredBadge />}
        {!isReadOnly && (
          <CatalogueEntryControls
            {...entry.controls}
            noun="专栏"
            name={column.name}
            isRetired={column.isRetired}
            position={position}
            canMoveUp={canMoveUp}
            canMoveDown={canMoveDown}
            onMove={(direction) => moveSectionColumnAction({ id: column.id, direction })}
          />
        )}
      </div>
      <FormError message={entry.error} className="mt-1 text-sm text-danger" />
      {entry.isRenaming && (
        <RenameForm
          id={column.id}
          name={column.name}
          idPrefix={`column-${column.id}`}
          label="专栏名称"
          renameAction={renameSectionColumnAction}
          onClose={entry.onCloseRename}
        />
      )}
    </li>
  );
}
