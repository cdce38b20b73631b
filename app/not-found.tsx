import { NotFoundMessage } from '@/components/shell/not-found-message';

/** Addresses that match no page: outside the signed-in shell, so with a main landmark of its own. */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
