// Warnings from dependencies that are known, harmless here and not ours to fix, kept out of the
// console an administrator reads (the launcher's and the web server's). Each names its upstream
// issue; remove it when the fix is released. Every other warning is printed as before.
// Plain JavaScript: web-worker.mjs runs without a TypeScript loader.
// @ts-check: typed with JSDoc, checked by `npm run typecheck` (tsconfig.json's checkJs).

/** The start of each hidden warning's message. */
export const KNOWN_WARNINGS = [
  // pg 8.19+ on a query sent while its connection is busy. @prisma/adapter-pg sends the relation
  // reads of an `include` inside an interactive transaction together on the transaction's one
  // connection (prisma/orm#29979, fix in review); pg 8 queues and answers them in order (pg 9
  // would refuse them: package.json keeps pg at ^8).
  'Calling client.query() when the client is already executing a query',
];

let isInstalled = false;

/** Drops the known warnings from process.emitWarning (which util.deprecate goes through). */
export function hideKnownWarnings() {
  if (isInstalled) return;
  isInstalled = true;
  const emitWarning = process.emitWarning;
  /** @type {typeof process.emitWarning} */
  const filtered = function (/** @type {string | Error} */ warning, /** @type {any[]} */ ...rest) {
    const message = typeof warning === 'string' ? warning : warning.message;
    if (KNOWN_WARNINGS.some((known) => message.startsWith(known))) return;
    return emitWarning.call(process, warning, ...rest);
  };
  process.emitWarning = filtered;
}
