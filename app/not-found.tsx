import { connection } from 'next/server';
import { NotFoundMessage } from '@/components/shell/not-found-message';

/** Addresses that match no page: outside the signed-in shell, so with a main landmark of its own. */
export default async function NotFound() {
  // Rendered per request like every page: its scripts need the request's CSP nonce (proxy.ts).
  // Prerendered at build time it would have none, and the browser would refuse to run them.
  await connection();
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
