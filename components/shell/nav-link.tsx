'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useCurrentPublication } from '@/components/shell/publication-context';
import { publicationHref } from '@/lib/publication-param';
import { cn } from '@/lib/utils';

export function NavLink({ href, children, badge }: { href: string; children: ReactNode; badge?: ReactNode }) {
  const pathname = usePathname();
  // The publication being worked on stays when moving between areas.
  const publication = useCurrentPublication();
  const section = href.split('/')[1];
  const isActive = pathname === href || pathname.split('/')[1] === section;
  const link = (
    <Link
      href={publicationHref(href, publication)}
      aria-current={isActive ? 'page' : undefined}
      className={cn(
        'shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 text-sm hover:bg-muted',
        isActive && 'bg-brand/10 font-medium text-brand',
      )}
    >
      {children}
    </Link>
  );
  if (!badge) return link;
  return (
    <span className="inline-flex shrink-0 items-center">
      {link}
      {badge}
    </span>
  );
}
