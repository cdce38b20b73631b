// Dates and times as the office writes them: 2023年8月11日, 2023年8月11日 14:05 — always in
// Beijing time, whatever the server's or the browser's time zone. Used on the server and in
// client components alike.

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const BEIJING_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: BEIJING_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function beijingParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(BEIJING_PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** `2023年8月11日` from a calendar date `2023-08-11` (an issue date, a date field). */
export function formatChineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2023年8月11日 14:05`, Beijing time, from a moment (an ISO string or a Date). */
export function formatBeijingDateTime(moment: Date | string): string {
  const { year, month, day, hour, minute } = beijingParts(typeof moment === 'string' ? new Date(moment) : moment);
  return `${year}年${month}月${day}日 ${hour}:${minute}`;
}

/** The year in Beijing at that moment. */
export function getBeijingYear(moment = new Date()): number {
  return Number(beijingParts(moment).year);
}

/** Today's calendar date in Beijing, `2023-08-11`. */
export function getBeijingToday(moment = new Date()): string {
  const { year, month, day } = beijingParts(moment);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * A calendar date `2023-08-11` as the database stores a `@db.Date` column: midnight UTC.
 * The only place that turns one into the other (with {@link fromDbDate}).
 */
export function toDbDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** The calendar date `2023-08-11` of a `@db.Date` value read from the database. */
export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The moment the calendar day `2023-08-11` (plus `days`) begins in Beijing: bounds of a date filter on timestamps. */
export function startOfBeijingDay(isoDate: string, days = 0): Date {
  return new Date(new Date(`${isoDate}T00:00:00+08:00`).getTime() + days * 86_400_000);
}

/** The calendar date `2023-08-11` in Beijing at that moment (deadlines, 今天). */
export function getBeijingIsoDate(moment = new Date()): string {
  const { year, month, day } = beijingParts(moment);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
