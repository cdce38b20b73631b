// Notification e-mails against a local SMTP sink (smtp-server): sent after the change commits,
// only to recipients with an address, and a dead SMTP server is logged, never thrown.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { db } from '@/lib/db';
import { createTestUser } from './support/factories';
import { createTestReporter, createTestSection, createTestUnit, paragraphs, SENDER } from './support/intake';
import { loginAs } from './support/session';

const { sendNotificationMails } = await import('@/lib/mail');
const actions = await import('@/lib/actions/submissions');
const issueActions = await import('@/lib/actions/issues');

interface Received {
  to: string[];
  data: string;
}
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = '科协每周动态 <bulletin@example.org>';
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('notification e-mail', () => {
  it('mails the unit’s 信息员 when a submission is adopted, after the transaction', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id, { email: 'reporter@example.org' });
    await createTestReporter(unit.id); // no address: in-app only
    const section = await createTestSection();
    loginAs(reporter);
    const sent = await actions.createSubmissionAction({ title: '西城区科协开展科普月活动', body: paragraphs('活动内容。'), ...SENDER });
    expect(sent.ok).toBe(true);
    const id = sent.ok ? sent.data.id : 0;

    received.length = 0;
    loginAs(await createTestUser({ roles: ['EDITOR'] }));
    expect(await actions.adoptSubmissionAction({ id, version: 1, sectionId: section.id })).toMatchObject({ ok: true });
    expect(received.map((m) => m.to)).toEqual([['reporter@example.org']]);
    // nodemailer sends the Chinese text as base64 after the headers.
    const body = Buffer.from(received[0]!.data.split(/\r?\n\r?\n/).slice(1).join(''), 'base64').toString('utf8');
    expect(body).toContain('来稿《西城区科协开展科普月活动》已采用');
    expect(body).toContain(`/submissions/${id}`);

    // A refused decision (already decided) mails nothing.
    received.length = 0;
    expect(await actions.declineSubmissionAction({ id, version: 1, reason: '重复' })).toMatchObject({ status: 409 });
    expect(received).toEqual([]);
  });

  it('mails the unit in which issue its adopted submission is printed, once the issue is published', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id, { email: 'printed@example.org' });
    const section = await createTestSection();
    loginAs(reporter);
    const sent = await actions.createSubmissionAction({ title: '东城区科协举办院士讲座', body: paragraphs('讲座内容。'), ...SENDER });
    if (!sent.ok) throw new Error(sent.message);
    const editor = await createTestUser({ roles: ['EDITOR'] });
    loginAs(editor);
    const adopted = await actions.adoptSubmissionAction({ id: sent.data.id, version: 1, sectionId: section.id });
    if (!adopted.ok) throw new Error(adopted.message);
    await db.item.update({ where: { id: adopted.data.itemId }, data: { status: 'READY' } });
    const issue = await issueActions.createIssueAction({ issueDate: '2031-03-07' });
    if (!issue.ok) throw new Error(issue.message);
    const id = issue.data.id;
    expect(await issueActions.addItemsToIssueAction({ id, itemIds: [adopted.data.itemId] })).toMatchObject({ ok: true });
    expect(await issueActions.submitIssueAction({ id })).toMatchObject({ ok: true });
    loginAs(await createTestUser({ roles: ['REVIEWER'] }));
    expect(await issueActions.approveIssueAction({ id })).toMatchObject({ ok: true });

    received.length = 0;
    loginAs(editor);
    expect(await issueActions.publishIssueAction({ id })).toMatchObject({ ok: true });
    const { year, yearNumber } = await db.issue.findUniqueOrThrow({ where: { id }, select: { year: true, yearNumber: true } });
    expect(received.map((m) => m.to)).toEqual([['printed@example.org']]);
    const body = Buffer.from(received[0]!.data.split(/\r?\n\r?\n/).slice(1).join(''), 'base64').toString('utf8');
    expect(body).toContain(`来稿《东城区科协举办院士讲座》刊于${year}年第${yearNumber}期`);
  });

  it('logs a failure instead of throwing', async () => {
    const user = await db.user.update({ where: { id: (await createTestUser()).id }, data: { email: 'x@example.org' } });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sent = await sendNotificationMails([{ userIds: [user.id], notification: { kind: 'REQUEST_SENT', title: '约稿', href: '/submissions' } }], {
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'a <a@example.org>',
    });
    expect(sent).toBe(0);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
