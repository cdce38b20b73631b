// First come, first served inside one web-server process. Node.js works on every request it has
// accepted at once, a little of each in turn, so when several arrive together all of them finish
// late: four pages of 30 ms each all take about 120 ms. Taken one after another, the first is
// done after 30 ms, the second after 60, and only the last waits as long as before. The gate lets
// one request work at a time and the others wait in order of arrival; a request that takes
// longer than `slowMs` (a large upload, an export, a slow client reading a download) stops
// holding the others up, and the next one starts beside it. Background requests (Next.js's
// prefetches of the links on a page, a dozen or more per page view, a few milliseconds each)
// wait until no request that someone is waiting for is left.
// @ts-check: typed with JSDoc, checked by `npm run typecheck`.

const DEFAULT_GATE_MS = 200;

/**
 * How long a request may hold the others up: REQUEST_GATE_MS (a whole number of milliseconds),
 * else 200; 0 turns the gate off (every request works at once, as Node.js does by itself).
 * @param {{ REQUEST_GATE_MS?: string }} env
 */
export function requestGateMs(env) {
  const configured = Number(env.REQUEST_GATE_MS ?? '');
  return env.REQUEST_GATE_MS?.trim() && Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_GATE_MS;
}

/** @param {{ slowMs: number }} options */
export function createRequestGate({ slowMs }) {
  let working = 0;
  /** @type {(() => void)[]} */
  const waiting = [];
  /** @type {(() => void)[]} */
  const background = [];

  /**
   * Waits for this request's turn; the returned function says it is done (safe to call twice).
   * @param {{ isBackground?: boolean }} [options]
   * @returns {Promise<() => void>}
   */
  function enter({ isBackground = false } = {}) {
    return new Promise((resolve) => {
      const start = () => {
        working += 1;
        let isHolding = true;
        const letNextIn = () => {
          if (!isHolding) return;
          isHolding = false;
          clearTimeout(timer);
          working -= 1;
          (waiting.shift() ?? background.shift())?.();
        };
        const timer = setTimeout(letNextIn, slowMs);
        timer.unref();
        resolve(letNextIn);
      };
      if (working === 0) start();
      else (isBackground ? background : waiting).push(start);
    });
  }

  return {
    enter,
    /** Requests working and waiting (for tests and diagnostics). */
    get state() {
      return { working, waiting: waiting.length + background.length };
    },
  };
}
