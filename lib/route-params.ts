/** A positive integer id from a route segment, or null (the page then answers 404). */
export function parseId(raw: string): number | null {
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 && String(id) === raw ? id : null;
}
