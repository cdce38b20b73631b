// When issues come out: the bulletin's weekly rhythm, as plain date arithmetic (no database).
import { fromDbDate as toIsoDate, toDbDate } from '@/lib/dates';

/** This week's Friday in Beijing time (the bulletin's usual day), as YYYY-MM-DD. */
export function getThisWeeksFriday(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const day = beijing.getUTCDay(); // 0 Sunday … 5 Friday
  const offset = (5 - day + 7) % 7;
  // Saturday and Sunday belong to the week that just ended: next Friday.
  return toIsoDate(new Date(beijing.getTime() + offset * 86_400_000));
}

/** The first Friday strictly after `isoDate`. */
export function getFridayAfter(isoDate: string): string {
  const date = toDbDate(isoDate);
  const offset = ((5 - date.getUTCDay() + 7) % 7) || 7;
  return toIsoDate(new Date(date.getTime() + offset * 86_400_000));
}
