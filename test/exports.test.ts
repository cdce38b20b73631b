// Issue 2023-14 built through the app's own functions, published and exported: the frozen
// content must be exactly the printed issue's, and the files the same bytes on every download.
// (test/print-template.test.ts checks the printed layout of that same content in detail;
// test/docx-export.test.ts the Word file.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { closePdfBrowser, getBlockedRequestCount } from '@/lib/export/pdf';
import { readPrintSnapshot } from '@/lib/export/print-issue';
import { createTestUser } from './support/factories';
import { readFixtureIssue } from './support/issue-fixture';
import { buildFixturePrintIssue, hasChromium } from './support/print-issue-fixture';
import { loginAs } from './support/session';

const itemActions = await import('@/lib/actions/items');
const issueActions = await import('@/lib/actions/issues');
const { getPublishedExport } = await import('@/lib/data/exports');

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!hasChromium())('publishing and exporting issue 2023-14', () => {
  const fixture = readFixtureIssue('2023-14.txt');
  let issueId: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'exports-'));
    // 2023 第14期 lists the section names after the lead titles: the admin's SECTIONS choice.
    const publication = await db.publication.create({
      data: {
        name: '科协每周动态',
        publisher: '北京市科协办公室',
        distribution: fixture.distribution,
        contentsStyle: 'SECTIONS',
        startYear: 2023,
        startYearNumber: 14,
        startTotalNumber: 67,
      },
    });
    const sectionIds = new Map<string | null, number>();
    for (const [position, [name, kind]] of ([['要闻', 'LEAD'], ['学会动态', 'REGULAR'], ['区科协动态', 'REGULAR']] as const).entries()) {
      const section = await db.section.create({ data: { publicationId: publication.id, name, kind, position } });
      sectionIds.set(kind === 'LEAD' ? null : name, section.id);
    }
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    await db.user.update({ where: { id: editor.id }, data: { displayName: fixture.editor } });
    await db.user.update({ where: { id: reviewer.id }, data: { displayName: fixture.reviewer } });

    loginAs(editor);
    const itemIds: number[] = [];
    for (const item of fixture.items) {
      const body = { type: 'doc' as const, content: item.paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) };
      const created = await ok(itemActions.createItemAction({ title: item.title, sectionId: sectionIds.get(item.section)!, sources: item.sources, body, status: 'READY' }));
      itemIds.push(created.id);
    }
    issueId = (await ok(issueActions.createIssueAction({ issueDate: '2023-04-28' }))).id;
    await ok(issueActions.addItemsToIssueAction({ id: issueId, itemIds }));
    await ok(issueActions.submitIssueAction({ id: issueId }));
    loginAs(reviewer);
    await ok(issueActions.approveIssueAction({ id: issueId }));
    loginAs(editor);
    await ok(issueActions.publishIssueAction({ id: issueId }));
  }, 180_000);

  afterAll(async () => {
    await closePdfBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('numbers, contents and content come out exactly as the printed issue', async () => {
    const issue = await db.issue.findUniqueOrThrow({ where: { id: issueId } });
    expect(issue).toMatchObject({ year: 2023, yearNumber: 14, totalNumber: 67, status: 'PUBLISHED' });
    expect(readPrintSnapshot(issue.snapshot)).toEqual(buildFixturePrintIssue());
  });

  it('stores the files at publication and serves the same bytes on every download', async () => {
    expect(await db.issueExport.count({ where: { issueId } })).toBe(2);
    for (const format of ['pdf', 'docx'] as const) {
      const first = await getPublishedExport(issueId, format);
      const second = await getPublishedExport(issueId, format);
      expect(second.sha256).toBe(first.sha256);
      expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
      expect(first.fileName).toBe(`科协每周动态2023年第14期.${format}`);
    }
  });

  it('the PDF is A4 with its fonts embedded, the masthead on page 1 and every paragraph in order', async () => {
    const pdf = path.join(dir, 'issue.pdf');
    writeFileSync(pdf, (await getPublishedExport(issueId, 'pdf')).bytes);
    expect(run('pdfinfo', pdf)).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    const fonts = run('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.every((row) => /\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(row) && !row.includes('Type 3'))).toBe(true);
    const pages = run('pdftotext', '-layout', pdf, '-').split('\f');
    expect(squash(pages[0]!)).toContain('2023年第14期');
    expect(squash(pages[0]!)).toContain('（总第67期）');
    const text = squash(run('pdftotext', pdf, '-').replace(/^\s*-\s?\d+\s?-\s*$/gm, ''));
    let cursor = 0;
    for (const item of fixture.items) {
      for (const paragraph of [item.title, ...item.paragraphs]) {
        const at = text.indexOf(squash(paragraph), cursor);
        expect(at, paragraph.slice(0, 20)).toBeGreaterThanOrEqual(cursor);
        cursor = at;
      }
    }
  });

  it('prints markup and remote references in an item as text and fetches nothing', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    loginAs(editor);
    const sectionId = (await db.section.findFirstOrThrow({ where: { name: '学会动态' } })).id;
    const hostile = ['<script>alert(1)</script>', '<iframe src="file:///etc/passwd"></iframe>', '<img src="http://198.51.100.7/tracker.png">'];
    const body = { type: 'doc' as const, content: hostile.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) };
    const item = await ok(itemActions.createItemAction({ title: 'A&B“标题”', sectionId, sources: ['来源'], body, status: 'READY' }));
    const id = (await ok(issueActions.createIssueAction({ issueDate: '2023-05-05' }))).id;
    await ok(issueActions.addItemsToIssueAction({ id, itemIds: [item.id] }));
    await ok(issueActions.submitIssueAction({ id }));
    loginAs(reviewer);
    await ok(issueActions.approveIssueAction({ id }));
    loginAs(editor);
    const blockedBefore = getBlockedRequestCount();
    await ok(issueActions.publishIssueAction({ id }));
    const pdf = path.join(dir, 'hostile.pdf');
    writeFileSync(pdf, (await getPublishedExport(id, 'pdf')).bytes);
    expect(getBlockedRequestCount()).toBe(blockedBefore);
    const text = squash(run('pdftotext', pdf, '-'));
    for (const line of ['A&B“标题”', ...hostile]) expect(text).toContain(squash(line));
  });
});

describe.skipIf(!hasChromium())('npm run export', () => {
  it('writes the stored PDF of the latest published issue, byte for byte', async () => {
    const latest = await db.issue.findFirst({ where: { status: 'PUBLISHED' }, orderBy: { totalNumber: 'desc' } });
    // Without a published issue in this database (the suite above publishes two), nothing to compare.
    expect(latest).not.toBeNull();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'export-cli-')), 'x.pdf');
    execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/export.ts', '--latest', '--format', 'pdf', '--out', out], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      encoding: 'utf8',
    });
    const stored = await getPublishedExport(latest!.id, 'pdf');
    expect(Buffer.compare(readFileSync(out), stored.bytes)).toBe(0);
    rmSync(path.dirname(out), { recursive: true, force: true });
  }, 60_000);
});
