import Link from 'next/link';
import { NAV_LINKS } from '@/components/shell/nav-links';
import { NavLink } from '@/components/shell/nav-link';
import { PublicationSwitcher } from '@/components/shell/publication-context';
import { LogoutButton } from '@/components/shell/logout-button';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { CurrentUser } from '@/lib/auth';
import { canAccess, ROLE_LABELS } from '@/lib/roles';

export function AppHeader({ user, reviewCount, unreadCount }: { user: CurrentUser; reviewCount: number; unreadCount: number }) {
  const links = NAV_LINKS.filter((link) => canAccess(user.roles, link.area));
  return (
    // On a phone the navigation takes a row of its own (scrolling sideways if it must), so that
    // no word in the header breaks: Chinese text would otherwise wrap between any two characters.
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:py-0">
        <Link href="/" className="shrink-0 whitespace-nowrap text-lg font-bold tracking-wider text-brand">
          科协每周动态
        </Link>
        <PublicationSwitcher />
        <nav aria-label="主导航" className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto px-1 sm:order-none sm:mx-0 sm:w-auto sm:overflow-visible sm:px-0">
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
        <div className="ml-auto flex shrink-0 items-center gap-3 whitespace-nowrap text-sm">
          <NotificationBell unread={unreadCount} />
          <span data-testid="current-user">
            {user.displayName}
            <span className="ml-1 hidden text-muted-foreground sm:inline">（{user.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
          </span>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
