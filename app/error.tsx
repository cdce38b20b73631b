'use client';
import { ErrorView } from '@/components/shell/error-view';

/** Outside the signed-in shell, so it brings its own main landmark. */
export default function Error(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <ErrorView {...props} />
    </main>
  );
}
