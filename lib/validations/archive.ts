import { z } from '@/lib/validations/zod';
import { ZSearchQuery, ZText } from '@/lib/validations/common';

const ZYear = z
  .union([z.number(), z.string().regex(/^\d{4}$/)])
  .transform(Number)
  .pipe(z.number().int().min(1900).max(2200))
  .optional()
  .catch(undefined);

/** The archive search's query string (a bad value searches without that filter; never an error). */
export const ZArchiveSearch = z.object({
  q: ZSearchQuery,
  year: ZYear,
  section: ZText('栏目', { max: 60 }).optional().transform((v) => v || undefined).catch(undefined),
  source: ZText('来源单位', { max: 60 }).optional().transform((v) => v || undefined).catch(undefined),
  page: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
});

export type ArchiveSearchParams = z.output<typeof ZArchiveSearch>;

export const ZArchiveYear = ZYear;
