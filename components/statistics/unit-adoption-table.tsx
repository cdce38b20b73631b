'use client';

/** One unit's row: 名次, 单位 and the figures, in the columns' order. */
export interface UnitAdoptionTableRow {
  unitId: number;
  rank: number;
  unit: string;
  figures: (string | number)[];
}

/**
 * The 采用得分 table: 名次, 单位 and the figure columns, the strong one (得分) in bold.
 * A client component although it has no state: the page's RSC payload carries the figures,
 * not the markup of 200 units × 7 cells.
 */
export function UnitAdoptionTable({ columns, rows }: { columns: { label: string; isStrong?: boolean }[]; rows: UnitAdoptionTableRow[] }) {
  return (
    <div className="max-h-[32rem] overflow-auto" role="region" aria-label="各单位得分表" tabIndex={0}>
      {/* Padding and alignment once on the table, not in each of its 1,400 cells. */}
      <table
        className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-normal"
        data-testid="unit-adoption"
      >
        <thead className="sticky top-0 bg-white">
          <tr className="border-b border-border text-muted-foreground">
            <th scope="col" className="text-right">
              名次
            </th>
            <th scope="col" className="text-left">
              单位
            </th>
            {columns.map(({ label }) => (
              <th key={label} scope="col" className="text-right">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId} className="border-b border-border">
              <td>{row.rank}</td>
              <th scope="row" className="text-left">
                {row.unit}
              </th>
              {row.figures.map((figure, i) => (
                <td key={columns[i]!.label} className={columns[i]!.isStrong ? 'font-medium' : undefined}>
                  {figure}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="py-4 text-sm text-muted-foreground">单位名录中还没有启用的单位（管理 → 单位名录）。</p>}
    </div>
  );
}
