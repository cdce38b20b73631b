// Notifications by e-mail, when SMTP_URL is configured. Sent after the transaction that wrote
// the in-app notification has committed (a rolled-back change mails nobody), one message per
// recipient with an address; a failure is logged, never thrown: the change itself is done and
// the in-app notification is there.
import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db';
import { getMailEnv, type MailEnv } from '@/lib/env';
import type { NotificationInput } from '@/lib/data/notifications';

export interface PendingMail {
  userIds: readonly number[];
  notification: NotificationInput;
}

function absoluteUrl(href: string): string {
  const base = process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
  return new URL(href, base).toString();
}

/** Sends each pending notification to its recipients' addresses; returns how many were sent. */
export async function sendNotificationMails(pending: readonly PendingMail[], env: MailEnv = getMailEnv()): Promise<number> {
  if (!env.SMTP_URL || pending.length === 0) return 0;
  let sent = 0;
  try {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    for (const { userIds, notification } of pending) {
      if (userIds.length === 0) continue;
      const users = await db.user.findMany({
        where: { id: { in: [...userIds] }, isDisabled: false, email: { not: null } },
        select: { email: true, displayName: true },
      });
      for (const user of users) {
        try {
          await transport.sendMail({
            from: env.MAIL_FROM,
            to: { name: user.displayName, address: user.email! },
            subject: `【科协每周动态】${notification.title}`,
            text: `${user.displayName}：\n\n${notification.title}\n\n查看：${absoluteUrl(notification.href)}\n\n（本邮件由系统自动发送，请勿回复。）`,
          });
          sent += 1;
        } catch (error) {
          console.error(`Notification e-mail to user ${user.email} failed:`, error instanceof Error ? error.message : error);
        }
      }
    }
    transport.close();
  } catch (error) {
    console.error('Notification e-mails failed:', error instanceof Error ? error.message : error);
  }
  return sent;
}
