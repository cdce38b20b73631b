import type { Metadata } from 'next';
import { MarkAllReadButton, NotificationList } from '@/components/notifications/notification-list';
import { EmptyState } from '@/components/shell/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { listNotifications } from '@/lib/data/notifications';
import { formatBeijingDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: '通知' };

export default async function NotificationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const notifications = await listNotifications(user.id);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="通知"
        description={unread ? `${unread} 条未读。点开一条即标为已读。` : '没有未读通知。'}
        actions={
unread > 0 ? <MarkAllReadButton /> : undefined
        }
      />
      {notifications.length ? (
        <NotificationList
          notifications={notifications.map((n) => ({ id: n.id, title: n.title, href: n.href, time: formatBeijingDateTime(n.createdAt), isRead: !!n.readAt }))}
        />
      ) : (
        <EmptyState>暂无通知。</EmptyState>
      )}
    </>
  );
}
