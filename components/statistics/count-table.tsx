'use client';

import { cn } from '@/lib/utils';

export interface CountRow {
  label: string;
  counts: number[];
  total: number;
}

/**
 * A table of counts: one row per source unit, one column per period or section, and a total;
 * empty cells for zero, so that what was used stands out. With many columns the first one
 * stays in view while the table scrolls sideways. The scrolling box is a labelled region in the
 * tab order, so that the keyboard can scroll it too (arrow keys once it has focus).
 *
 * A client component although it has no state: its props (the counts) are what the page's RSC
 * payload carries, not the markup of every cell (a statistics page has thousands of cells).
 */
export function CountTable({
  label,
  testId,
  columns,
  rows,
  footer,
  hasStickyFirstColumn = false,
}: {
  /** What the scrolling region is called for screen readers. */
  label: string;
  testId: string;
  columns: { key: string; label: string }[];
  rows: CountRow[];
  footer?: CountRow;
  hasStickyFirstColumn?: boolean;
}) {
  const sticky = hasStickyFirstColumn && 'sticky left-0';
  const cells = (row: CountRow, isStrongTotal: boolean) => (
    <>
      <th scope="row" className={cn(sticky, 'bg-white text-left font-normal')}>
        {row.label}
      </th>
      {row.counts.map((n, i) => (
        <td key={i}>{n || ''}</td>
      ))}
      <td className={cn(isStrongTotal && 'font-medium')}>{row.total}</td>
    </>
  );
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
    >
      {/* Cell padding and alignment are set once here, not in each of the thousands of cells. */}
      <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1.5" data-testid={testId}>
        <thead className="bg-muted text-xs text-muted-foreground">
          <tr>
            <th className={cn(sticky, 'bg-muted text-left')}>来源单位</th>
            {columns.map((column) => (
              <th key={column.key} className="whitespace-nowrap text-right">
                {column.label}
              </th>
            ))}
            <th className="text-right">合计</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.label}>{cells(row, true)}</tr>
          ))}
        </tbody>
        {footer && (
          <tfoot className="border-t-2 border-border text-xs text-muted-foreground">
            <tr>{cells(footer, false)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
