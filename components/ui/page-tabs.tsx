import Link from 'next/link';
import { cn } from '@/lib/utils';

export interface PageTab<K extends string> {
  key: K;
  href: string;
  label: string;
}

/** A row of tabs between pages of one area (管理, 采用统计): links, the current one marked. */
export function PageTabs<K extends string>({ label, tabs, current }: { label: string; tabs: readonly PageTab<K>[]; current: K }) {
  return (
    <nav aria-label={label} className="mb-5 flex gap-1 border-b border-border">
      {tabs.map((tab) => {
        const isCurrent = tab.key === current;
        return (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={isCurrent ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-4 py-2 text-sm hover:text-brand focus-visible:outline-2 focus-visible:outline-brand',
              isCurrent ? 'border-brand font-medium text-brand' : 'border-transparent text-muted-foreground',
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
