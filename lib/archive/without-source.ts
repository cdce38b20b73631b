// The 采用统计 page's note on items printed without a source.

/**
 * The note on items without a source: how many, and how many of them are lead items (要闻,
 * printed without a source by design) — only what the numbers say.
 */
export function describeItemsWithoutSource(totals: { withoutSource: number; withoutSourceLead: number }, leadName = '要闻'): string {
  const { withoutSource: all, withoutSourceLead: lead } = totals;
  if (all === 0) return '';
  if (lead === all) return `（其中 ${all} 篇未署来源单位，均为${leadName}）`;
  if (lead > 0) return `（其中 ${all} 篇未署来源单位，${lead} 篇为${leadName}）`;
  return `（其中 ${all} 篇未署来源单位）`;
}
