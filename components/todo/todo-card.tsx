import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** One block of 待办: a titled card with a count, its entries, or what it says when empty. */
export function TodoCard({ title, count, testId, empty, children }: { title: string; count?: number; testId: string; empty: string; children?: ReactNode }) {
  const headingId = `${testId}-title`;
  return (
    <Card data-testid={testId} role="region" aria-labelledby={headingId}>
      <CardHeader className="flex items-center justify-between gap-2">
        <CardTitle id={headingId} className="whitespace-nowrap">
          {title}
          {count !== undefined && count > 0 && <span className="ml-2 rounded-full bg-brand px-2 text-xs leading-5 text-white">{count}</span>}
        </CardTitle>
      </CardHeader>
      <CardContent>{count === 0 || !children ? <p className="text-sm text-muted-foreground">{empty}</p> : children}</CardContent>
    </Card>
  );
}

/** An entry of a block: a link-like first line and smaller lines under it. */
export function TodoEntries({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-border text-sm">{children}</ul>;
}
