// Legacy import of the real printed issues: what is recognised, one transaction, idempotent,
// numbers kept and continued, numbers already taken refused; and the guard in the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseIssueBlocks } from '@/lib/import/parse-issue';
import { readImportFile } from '@/lib/import/read-file';
import { renderIssueDocx } from '@/lib/export/docx';
import { getBodyParagraphs } from '@/lib/validations/item-body';
import { fixtureFile, resetArchive, textFile } from './support/archive';
import { createTestUser } from './support/factories';
import { readFixtureIssue } from './support/issue-fixture';

const { importIssues, previewImport } = await import('@/lib/data/imports');
const { createIssue } = await import('@/lib/data/issue-numbering');
const { approveIssue, publishIssue } = await import('@/lib/data/issue-workflow');
const { getPublishedIssue } = await import('@/lib/data/issue-print');

const OPTIONS = { leadSectionName: '市科协要闻', knownColumns: ['首都科技工作者沙龙'] };

async function parse(file: { name: string; bytes: Uint8Array }) {
  return parseIssueBlocks(await readImportFile(file.name, file.bytes), OPTIONS);
}

function items(issue: NonNullable<Awaited<ReturnType<typeof parse>>['issue']>) {
  return issue.sections.flatMap((s) => s.columns.flatMap((c) => c.items.map((item) => ({ section: s.name, column: c.name, ...item }))));
}

describe('reading the printed issues', () => {
  it('reads 2023-14 (text of the PDF): masthead, contents, sections, items, sources and 版记', async () => {
    const { issue, errors, warnings } = await parse(fixtureFile('2023-14.txt'));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(issue).toMatchObject({
      publicationName: '科协每周动态',
      publisher: '北京市科协办公室',
      year: 2023,
      yearNumber: 14,
      totalNumber: 67,
      issueDate: '2023-04-28',
      contentsLines: ['市科协召开4月工作交流学习会', '市科协全面开展安全隐患大排查大整治工作', '学会动态', '区科协动态'],
      editorName: '张红波',
      reviewerName: '李金涛',
      distribution: ['市科协第十届委员会主席、副主席、常委、委员', '市科协驻会领导', '市学会、基金会，区科协，基层组织', '机关各部门及事业单位'],
    });
    expect(issue!.sections.map((s) => [s.name, s.isLead])).toEqual([
      ['市科协要闻', true],
      ['学会动态', false],
      ['区科协动态', false],
    ]);
    // The same items, paragraphs (joined across page breaks) and sources as the reference reading.
    const reference = readFixtureIssue('2023-14.txt');
    expect(items(issue!).map((i) => [i.title, i.paragraphs, i.sources])).toEqual(reference.items.map((i) => [i.title, i.paragraphs, i.sources]));
    expect(items(issue!).find((i) => i.title.startsWith('市科协到密云区'))!.sources).toEqual(['科普部', '科技社团服务中心']);
  });

  it('reads 2023-07 (Markdown): bold headings, a named column inside 基层组织动态, several sources', async () => {
    const { issue, errors } = await parse(fixtureFile('2023-07.md'));
    expect(errors).toEqual([]);
    expect(issue).toMatchObject({ year: 2023, yearNumber: 7, totalNumber: 60, issueDate: '2023-03-10', editorName: '张红波', reviewerName: '李金涛' });
    expect(issue!.sections.map((s) => [s.name, s.columns.map((c) => [c.name, c.items.length])])).toEqual([
      ['市科协要闻', [[null, 1]]],
      ['学会动态', [[null, 2]]],
      ['区科协动态', [[null, 2]]],
      ['基层组织动态', [['首都科技工作者沙龙', 1]]],
    ]);
    const salon = items(issue!).at(-1)!;
    expect(salon.title).toBe('“制造业产业升级政、产、学跨界沙龙活动”举办');
    expect(salon.sources).toEqual(['北京科技社团服务中心', '中关村认同应用技术跨界创新联盟']);
    // A paragraph the page break cut after “北京亦庄” is one paragraph again.
    expect(salon.paragraphs[0]).toContain('北京亦庄智能城市研究院集团有限公司');
    expect(salon.paragraphs).toHaveLength(3);
  });

  it('reads a DOCX: the export of an issue reads back as the same issue', async () => {
    const { issue } = await parse(fixtureFile('2023-07.md'));
    const { toPrintIssue } = await import('@/lib/import/to-print-issue');
    const print = toPrintIssue(issue!, { name: '科协每周动态', publisher: '北京市科协办公室' });
    const docx = await renderIssueDocx(print, { isDraft: false });
    const back = await parse({ name: '科协每周动态2023年第7期.docx', bytes: docx });
    expect(back.errors).toEqual([]);
    const again = toPrintIssue(back.issue!, { name: '科协每周动态', publisher: '北京市科协办公室' });
    expect(again).toEqual(print);
  });

  it('reads GB18030 text, and says why other files cannot be read', async () => {
    const text = new TextDecoder().decode(fixtureFile('2023-14.txt').bytes);
    // Encoded by hand with the WHATWG GB18030 table would be long; a two-character check suffices.
    const gbk = Uint8Array.from([0xbf, 0xc6, 0xd0, 0xad]); // 科协
    const { decodeText } = await import('@/lib/import/read-file');
    expect(decodeText(gbk)).toBe('科协');
    expect(text.length).toBeGreaterThan(1000);
    await expect(readImportFile('a.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))).rejects.toThrow(/pdftotext/);
    await expect(readImportFile('a.doc', new Uint8Array([0xd0, 0xcf]))).rejects.toThrow(/另存为 \.docx/);
    await expect(readImportFile('a.docx', new TextEncoder().encode('not a zip'))).rejects.toThrow(/只能导入/);
    const { errors } = await parse(textFile('a.txt', '随便写的一段话。'));
    expect(errors.join()).toMatch(/年度期号/);
  });
});

describe('importing into the archive', () => {
  let admin: Awaited<ReturnType<typeof createTestUser>>;
  beforeEach(async () => {
    await resetArchive();
    admin = await createTestUser({ roles: ['ADMIN'] });
  });

  it('previews without writing, then imports both fixtures in one go as published history', async () => {
    const files = [fixtureFile('2023-14.txt'), fixtureFile('2023-07.md')];
    const preview = await previewImport(files);
    expect(preview.canImport).toBe(true);
    expect(preview.files.map((f) => [f.status, f.issue?.totalNumber, f.issue?.itemCount])).toEqual([
      ['ready', 67, 7],
      ['ready', 60, 6],
    ]);
    expect(await db.issue.count()).toBe(0);

    const result = await importIssues(files, admin, { expectedFingerprints: preview.files.map((f) => f.fingerprint!) });
    expect(result.imported.map((i) => i.totalNumber)).toEqual([60, 67]);
    const issues = await db.issue.findMany({ orderBy: { totalNumber: 'asc' }, include: { events: true } });
    expect(issues.map((i) => [i.status, i.origin, i.year, i.yearNumber, i.totalNumber, i.issueDate.toISOString().slice(0, 10)])).toEqual([
      ['PUBLISHED', 'IMPORTED', 2023, 7, 60, '2023-03-10'],
      ['PUBLISHED', 'IMPORTED', 2023, 14, 67, '2023-04-28'],
    ]);
    expect(issues[0]!.events.map((e) => [e.type, e.actorId, e.comment])).toEqual([['IMPORTED', admin.id, '2023-07.md']]);
    expect(await db.archiveItem.count()).toBe(13);
    // The issue page shows what was printed, 版记 included.
    const print = await getPublishedIssue(issues[1]!.id);
    expect(print).toMatchObject({ editorName: '张红波', reviewerName: '李金涛', totalNumber: 67 });
    expect(getBodyParagraphs(print!.sections[0]!.columns[0]!.items[0]!.body)).toHaveLength(4);
  });

  it('indexes published issues that have no archive rows yet (a database from before the archive)', async () => {
    await importIssues([fixtureFile('2023-14.txt')], admin);
    const before = await db.archiveItem.findMany({ orderBy: { position: 'asc' }, omit: { id: true } });
    await db.archiveItem.deleteMany();
    const { ensureArchiveIndexed } = await import('@/lib/data/archive');
    expect(await ensureArchiveIndexed()).toBe(1);
    expect(await db.archiveItem.findMany({ orderBy: { position: 'asc' }, omit: { id: true } })).toEqual(before);
    expect(await ensureArchiveIndexed()).toBe(0);
  });

  it('is idempotent: importing the same files again changes nothing', async () => {
    await importIssues([fixtureFile('2023-14.txt')], admin);
    const again = await importIssues([fixtureFile('2023-14.txt'), fixtureFile('2023-14.txt')], admin);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/已经导入过，内容相同/), expect.stringMatching(/内容相同，只导入一次/)]);
    expect(await db.issue.count()).toBe(1);
    expect(await db.archiveItem.count()).toBe(7);
  });

  it('refuses a number already taken, with a clear message, and writes nothing of the whole import', async () => {
    await importIssues([fixtureFile('2023-14.txt')], admin);
    const changed = new TextDecoder().decode(fixtureFile('2023-14.txt').bytes).replace('密云区科协第二次代表大会召开', '密云区科协第二次代表大会隆重召开');
    const files = [fixtureFile('2023-07.md'), textFile('2023-14-修订.txt', changed)];
    const preview = await previewImport(files);
    expect(preview.canImport).toBe(false);
    expect(preview.files[1]).toMatchObject({ status: 'conflict', messages: [expect.stringContaining('总第67期已存在（2023年第14期（总第67期），已导入）')] });
    await expect(importIssues(files, admin)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^未导入任何期次。2023-14-修订\.txt：总第67期已存在/) });
    // 2023-07 was fine but is not imported either: one transaction.
    expect(await db.issue.count()).toBe(1);
  });

  it('refuses a preview that no longer matches', async () => {
    await expect(importIssues([fixtureFile('2023-07.md')], admin, { expectedFingerprints: ['0'.repeat(64)] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/预览之后有了变化/),
    });
    expect(await db.issue.count()).toBe(0);
  });

  it('refuses numbers and dates that do not rise together', async () => {
    const wrongDate = new TextDecoder().decode(fixtureFile('2023-07.md').bytes).replace('2023 年 3 月 10 日', '2023 年 5 月 12 日');
    const preview = await previewImport([fixtureFile('2023-14.txt'), textFile('2023-07.md', wrongDate)]);
    expect(preview.canImport).toBe(false);
    expect(preview.files[1]!.messages.join()).toMatch(/出刊日期 2023-05-12 与总第67期（2023-04-28）的先后不符/);
  });

  it('numbering continues after the imported history, and drafts are renumbered after it', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const draft = await createIssue({ issueDate: '2023-05-05' }, editor);
    expect((await db.issue.findUniqueOrThrow({ where: { id: draft.id } })).totalNumber).toBe(1);
    const preview = await previewImport([fixtureFile('2023-14.txt')]);
    expect(preview.notes.join()).toMatch(/编排中的 1 期将接着总第67期重新编号/);
    await importIssues([fixtureFile('2023-14.txt')], admin);
    expect(await db.issue.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ year: 2023, yearNumber: 15, totalNumber: 68 });
    const next = await createIssue({ issueDate: '2023-05-12' }, editor);
    expect(await db.issue.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ yearNumber: 16, totalNumber: 69 });
    // A draft dated before the history's last issue would have to take a number from the past.
    await expect(createIssue({ issueDate: '2023-04-21' }, editor)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a start point beyond the imported history still holds; one inside it is refused', async () => {
    await resetArchive({ startYear: 2023, startYearNumber: 20, startTotalNumber: 73 });
    const editor = await createTestUser({ roles: ['EDITOR'] });
    await importIssues([fixtureFile('2023-14.txt')], admin);
    const issue = await createIssue({ issueDate: '2023-06-09' }, editor);
    expect(await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ yearNumber: 20, totalNumber: 73 });
    const { updatePublicationSettings } = await import('@/lib/data/publication');
    const settings = { name: '科协每周动态', publisher: '北京市科协办公室', distribution: ['市科协驻会领导'], contentsOnOwnPage: false };
    const adminUser = { ...admin, roles: ['ADMIN' as const] };
    await expect(updatePublicationSettings({ ...settings, start: { year: 2023, yearNumber: 10, totalNumber: 63 } }, adminUser)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/总第67期/),
    });
  });

  it('nothing is imported after the system’s own issues, and the database refuses it too', async () => {
    await resetArchive({ startYear: 2023, startYearNumber: 7, startTotalNumber: 60 });
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    const own = await createIssue({ issueDate: '2023-03-10' }, editor);
    await db.issue.update({ where: { id: own.id }, data: { status: 'IN_REVIEW' } });
    await approveIssue(own.id, reviewer);
    await publishIssue(own.id, editor);
    const preview = await previewImport([fixtureFile('2023-14.txt')]);
    expect(preview.files[0]!.messages.join()).toMatch(/本系统已从总第60期起编辑发布/);
    await expect(
      db.issue.create({
        data: { publicationId: (await db.publication.findFirstOrThrow()).id, issueDate: new Date('2023-04-28'), year: 2023, yearNumber: 14, totalNumber: 67, status: 'PUBLISHED', origin: 'IMPORTED', createdById: admin.id },
      }),
    ).rejects.toThrow(/cannot come after issues published in the system/);
  });

  it('the database keeps imported history before the system’s own numbers', async () => {
    await importIssues([fixtureFile('2023-14.txt')], admin);
    const publicationId = (await db.publication.findFirstOrThrow()).id;
    const base = { publicationId, createdById: admin.id, status: 'PUBLISHED' as const };
    // The system cannot publish a number inside or before the history …
    await expect(db.issue.create({ data: { ...base, issueDate: new Date('2023-03-10'), year: 2023, yearNumber: 7, totalNumber: 60 } })).rejects.toThrow(
      /cannot be published before issues with higher numbers/,
    );
    // … an imported issue cannot change its numbers or be deleted, nor be made editable.
    const imported = await db.issue.findFirstOrThrow({ where: { origin: 'IMPORTED' } });
    await expect(db.issue.update({ where: { id: imported.id }, data: { totalNumber: 70 } })).rejects.toThrow();
    await expect(db.issue.update({ where: { id: imported.id }, data: { origin: 'EDITED' } })).rejects.toThrow();
    await expect(db.issue.delete({ where: { id: imported.id } })).rejects.toThrow();
    await expect(
      db.issue.create({ data: { ...base, status: 'ASSEMBLING', origin: 'IMPORTED', issueDate: new Date('2023-01-06'), year: 2023, yearNumber: 1, totalNumber: 54 } }),
    ).rejects.toThrow(/inserted as published history/);
  });
});
