'use client';
import { CatalogueEntryControls, useCatalogueEntry } from '@/components/admin/sections/catalogue-entry';
import { ColumnRow } from '@/components/admin/sections/column-row';
import { CreateColumnForm } from '@/components/admin/sections/create-column-form';
import { RenameForm } from '@/components/admin/sections/rename-form';
import { RetiredBadge } from '@/components/admin/sections/retired-badge';
import { Badge } from '@/components/ui/badge';
import { moveSectionAction, renameSectionAction, setSectionRetiredAction } from '@/lib/actions/sections';
import type { SectionListEntry } from '@/lib/data/sections';
import { cn } from '@/lib/utils';
import { FormError } from '@/components/ui/form-error';

/** One section of the catalogue with its columns. Retired sections can only be restored. */
export function SectionRow({
  section,
  position,
  canMoveUp,
  canMoveDown,
}: {
  section: SectionListEntry;
  /** 1-based print order among active sections; ignored for retired ones. */
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
}) {
  const { isRetired } = section;
  const activeColumns = section.columns.filter((column) => !column.isRetired);
  const retiredColumns = section.columns.filter((column) => column.isRetired);

  const entry = useCatalogueEntry({
    isRetired,
    retireQuestion: `确定停用栏目“${section.name}”吗？停用后编辑选稿时不再显示该栏目，已有稿件仍归属该栏目。`,
    setRetired: (retire) => setSectionRetiredAction({ id: section.id, isRetired: retire }),
  });

  return (
    <li className={cn('py-3', isRetired && 'bg-muted/50')} data-testid={`section-row-${section.id}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-right text-sm tabular-nums text-muted-foreground">{isRetired ? '—' : position}</span>
        <span className={cn('font-medium', isRetired && 'text-muted-foreground')}>{section.name}</span>
        {section.kind === 'LEAD' && (
          <Badge className="border-brand/30 bg-brand/10 text-brand" title="排在最前，不印栏目标题">
            要闻
          </Badge>
        )}
        {isRetired && <RetiredBadge />}
        <CatalogueEntryControls
          {...entry.controls}
          noun="栏目"
          name={section.name}
          isRetired={isRetired}
          position={position}
          canMoveUp={canMoveUp}
          canMoveDown={canMoveDown}
          onMove={(direction) => moveSectionAction({ id: section.id, direction })}
        />
      </div>
      <FormError message={entry.error} className="mt-2 text-sm text-danger" />
      {entry.isRenaming && (
        <RenameForm
          id={section.id}
          name={section.name}
          idPrefix={`section-${section.id}`}
          label="栏目名称"
          renameAction={renameSectionAction}
          onClose={entry.onCloseRename}
        />
      )}
      {(section.columns.length > 0 || !isRetired) && (
        <div className="ml-9 mt-2 border-l-2 border-border pl-4">
          {section.columns.length > 0 && (
            <ul aria-label={`“${section.name}”中的专栏`}>
              {[...activeColumns, ...retiredColumns].map((column, index) => (
                <ColumnRow
                  key={column.id}
                  column={column}
                  position={index + 1}
                  canMoveUp={!column.isRetired && index > 0}
                  canMoveDown={!column.isRetired && index < activeColumns.length - 1}
                  isReadOnly={isRetired}
                />
              ))}
            </ul>
          )}
          {!isRetired && <CreateColumnForm sectionId={section.id} sectionName={section.name} />}
        </div>
      )}
    </li>
  );
}
