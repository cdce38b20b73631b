import Link from 'next/link';
import { NAV_LINKS } from '@/components/shell/nav-links';
import { NavLink } from '@/components/shell/nav-link';
import { LogoutButton } from '@/components/shell/logout-button';
import type { CurrentUser } from '@/lib/auth';
import { canAccess, ROLE_LABELS } from '@/lib/roles';

export function AppHeader({ user, reviewCount }: { user: CurrentUser; reviewCount: number }) {
  const links = NAV_LINKS.filter((link) => canAccess(user.roles, link.area));
  return (
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="text-lg font-bold tracking-wider text-brand">
          科协每周动态
        </Link>
        <nav aria-label="主导航" className="flex items-center gap-1">
          {links.map((link) => (
            <NavLink
              key={link.href}
              href={link.href}
              badge={
                link.area === 'review' && reviewCount > 0 ? (
                  <span
                    className="-ml-1 rounded-full bg-brand px-1.5 text-xs leading-5 text-white"
                    data-testid="review-count"
                    aria-label={`待审核 ${reviewCount} 期`}
                  >
                    {reviewCount}
                  </span>
                ) : undefined
              }
            >
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user">
            {user.displayName}
            <span className="ml-1 text-muted-foreground">（{user.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
          </span>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
