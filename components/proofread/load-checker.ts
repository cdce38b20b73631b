// The house-style checker (lib/proofread) reaches the editor in a chunk of its own, loaded right
// after the page: the editor route's first-load JS stays within its budget (README, bench:load),
// and until the chunk is there the item simply shows no findings yet.
export type Checker = typeof import('@/lib/proofread/check');

let loaded: Checker | null = null;
let loading: Promise<Checker> | null = null;

/** The checker if its chunk has arrived, else null. */
export function getLoadedChecker(): Checker | null {
  return loaded;
}

/** The checker, fetched once per page. */
export function loadChecker(): Promise<Checker> {
  loading ??= import('@/lib/proofread/check').then((checker) => (loaded = checker));
  return loading;
}
