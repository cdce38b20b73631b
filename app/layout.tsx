import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '科协每周动态', template: '%s · 科协每周动态' },
  description: '北京市科协办公室《科协每周动态》编辑系统',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        {/* Chinese glyphs for machines without a CJK font (see app/fonts/ui.css). */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/fonts/ui.css" />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
