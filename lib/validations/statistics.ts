import { z } from '@/lib/validations/zod';
import { ZText } from '@/lib/validations/common';

export const GRANULARITY_LABELS = { year: '按年', quarter: '按季度', month: '按月' } as const;

/** A year in a filter: digits only, within what an archive can hold; anything else is "none". */
const ZYearFilter = z
  .union([z.number(), z.string().regex(/^\d{4}$/)])
  .transform(Number)
  .pipe(z.number().int().min(1900).max(2200))
  .optional()
  .catch(undefined);

/** Filters of the statistics page and its export (from a query string, so never an error). */
export const ZStatisticsQuery = z.object({
  fromYear: ZYearFilter,
  toYear: ZYearFilter,
  granularity: z.enum(['year', 'quarter', 'month']).catch('quarter'),
  section: ZText('栏目', { max: 60 })
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
});

export interface StatisticsQuery {
  fromYear?: number;
  toYear?: number;
  granularity: z.output<typeof ZStatisticsQuery>['granularity'];
  section?: string;
}

/** Search-parameter values as the schemas read them (the first of repeated keys). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
