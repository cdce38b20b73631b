import { ZId } from '@/lib/validations/common';

/** A record id from a route segment or a query parameter, or null (the page then answers 404). */
export function parseId(raw: string | string[] | undefined): number | null {
  const parsed = ZId().safeParse(raw);
  return parsed.success ? parsed.data : null;
}
