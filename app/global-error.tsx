'use client';
import './globals.css';
import { ErrorView } from '@/components/shell/error-view';

/** Replaces the root layout when that fails, so it brings its own document. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <head>
        <title>出错了 · 科协每周动态</title>
        {/* Chinese glyphs for machines without a CJK font, as in app/layout.tsx. */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/fonts/ui.css" />
      </head>
      <body className="min-h-screen antialiased">
        <main id="main">
          <ErrorView {...props} />
        </main>
      </body>
    </html>
  );
}
