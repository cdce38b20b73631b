/** `第14期（总第67期）`, as the office says it. */
export function formatIssueNumber(issue: { yearNumber: number; totalNumber: number; year?: number }): string {
  return `${issue.year ? `${issue.year}年 ` : ''}第${issue.yearNumber}期（总第${issue.totalNumber}期）`;
}

/** `2023年4月28日` */
export { formatChineseDate as formatDate } from '@/lib/dates';
