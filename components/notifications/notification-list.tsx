'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { cn } from '@/lib/utils';

export interface NotificationRow {
  id: number;
  title: string;
  href: string;
  /** Beijing time, formatted on the server. */
  time: string;
  isRead: boolean;
}

/** The list of a user's notifications: opening one marks it read first. */
export function NotificationList({ notifications }: { notifications: NotificationRow[] }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-white" data-testid="notification-list" aria-busy={isPending}>
      {notifications.map((notification) => (
        <li key={notification.id} data-unread={!notification.isRead || undefined}>
          <Link
            href={notification.href}
            className={cn('flex flex-col gap-1 px-4 py-3 hover:bg-muted', !notification.isRead && 'bg-brand/5')}
            onClick={(event) => {
              if (notification.isRead) return;
              event.preventDefault();
              startTransition(async () => {
                await markNotificationsReadAction({ ids: [notification.id] });
                router.push(notification.href);
              });
            }}
          >
            <span className={cn('text-sm', !notification.isRead && 'font-semibold')}>
              {!notification.isRead && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand align-middle" aria-label="未读" />}
              {notification.title}
            </span>
            <span className="text-xs text-muted-foreground">{notification.time}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** 全部标为已读. */
export function MarkAllReadButton() {
  return (
    <ActionButton variant="outline" size="sm" run={() => markNotificationsReadAction({ all: true })}>
      全部标为已读
    </ActionButton>
  );
}
