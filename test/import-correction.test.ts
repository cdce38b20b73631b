// Correcting an imported issue afterwards: the correction text round-trips the snapshot, and a
// correction (title, paragraph join and split, source, section, item moved and split) replaces
// the snapshot, the archive rows search and statistics read, the stored exports and records
// itself in the issue's history.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseCorrectionText, toCorrectionText } from '@/lib/import/correction-text';
import { getBodyParagraphs } from '@/lib/validations/item-body';
import { fixtureFile, resetArchive } from './support/archive';
import { createTestUser } from './support/factories';
import { buildFixturePrintIssue, hasChromium } from './support/print-issue-fixture';

const { importIssues, previewImport } = await import('@/lib/data/imports');
const { correctImportedIssue, getCorrectableIssue } = await import('@/lib/data/import-corrections');
const { listIssues } = await import('@/lib/data/issues');

describe('correction text', () => {
  it('reads back exactly what it writes', () => {
    for (const name of ['2023-14.txt', '2023-07.md']) {
      const print = buildFixturePrintIssue(name);
      expect(parseCorrectionText(toCorrectionText(print), print)).toEqual({ issue: print, errors: [] });
    }
  });

  it('says in Chinese, with the line, what cannot be stored', () => {
    const print = buildFixturePrintIssue('2023-07.md');
    const { issue, errors } = parseCorrectionText('无标题的一段。\n# 标题\n正文。\n来源：甲\n又一段。\n# 空稿\nhttps://www.baidu.com/link?url=x', print);
    expect(issue).toBeNull();
    expect(errors).toEqual([
      '第 1 行：“无标题的一段。”之前没有标题（标题行以 # 开头）。',
      '第 5 行：“标题”的来源之后还有正文；来源行放在最后，另一篇稿件请先写 # 标题。',
      '第 7 行：含有网址，档案中不保存链接，请删除该行。',
      '“空稿”没有正文。',
    ]);
  });
});

describe('correcting an imported issue', () => {
  let admin: Awaited<ReturnType<typeof createTestUser>>;
  beforeEach(async () => {
    await resetArchive();
    admin = await createTestUser({ roles: ['ADMIN'] });
  });

  it('replaces snapshot, archive rows and exports, and records the change', async () => {
    const files = [fixtureFile('2023-07.md')];
    const preview = await previewImport(files);
    const { imported } = await importIssues(files, admin, { expectedFingerprints: preview.files.map((f) => f.fingerprint!) });
    const id = imported[0]!.issueId;
    const before = (await getCorrectableIssue(id))!;
    await db.issueExport.create({ data: { issueId: id, format: 'PDF', bytes: new Uint8Array([1]), sha256: 'old' } });

    let text = before.text
      // A title fixed, a source fixed.
      .replace('# 北京作物学会对接服务通州区生态农场', '# 北京作物学会对接服务通州区生态农场（修订）')
      .replace('来源：北京作物学会、北京科技社团服务中心', '来源：北京作物学会');
    // The first item's first two paragraphs joined; its last paragraph split off as an item of its own.
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.startsWith('# 市科协召开'));
    lines.splice(first + 1, 2, lines[first + 1]! + lines[first + 2]!);
    text = lines.join('\n');
    const lastParagraph = getBodyParagraphs(before.print.sections[0]!.columns[0]!.items[0]!.body).at(-1)!;
    text = text.replace(lastParagraph, `# 拆出的一篇\n${lastParagraph}`);
    // The 门头沟 item moved from 区科协动态 to 学会动态.
    const moved = text.slice(text.indexOf('# 市科协到门头沟区'), text.indexOf('来源：门头沟区科协') + '来源：门头沟区科协'.length);
    text = text.replace(moved, '').replace('【学会动态】\n', `【学会动态】\n\n${moved}\n`);

    const result = await correctImportedIssue({ id, text, version: before.version }, admin);
    expect(result.summary).toMatch(/^稿件 6→7 篇/);

    const after = (await getCorrectableIssue(id))!;
    expect(after.version).not.toBe(before.version);
    const rows = await db.archiveItem.findMany({ where: { issueId: id }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.sectionName, r.title])).toEqual(
      expect.arrayContaining([
        ['学会动态', '市科协到门头沟区进行科普工作调研'],
        ['学会动态', '北京作物学会对接服务通州区生态农场（修订）'],
        [expect.any(String), '拆出的一篇'],
      ]),
    );
    expect(rows.find((r) => r.title.includes('北京作物学会'))!.sourceUnits).toEqual(['北京作物学会']);
    expect(getBodyParagraphs(after.print.sections[0]!.columns[0]!.items[0]!.body)).toHaveLength(getBodyParagraphs(before.print.sections[0]!.columns[0]!.items[0]!.body).length - 2);
    const events = await db.issueEvent.findMany({ where: { issueId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([['IMPORTED', admin.id], ['CORRECTED', admin.id]]);
    // The stale export is gone; with Chromium both files are produced again from the new snapshot.
    const exports = await db.issueExport.findMany({ where: { issueId: id } });
    expect(exports.some((e) => e.sha256 === 'old')).toBe(false);
    if (hasChromium()) expect(exports.map((e) => e.format).sort()).toEqual(['DOCX', 'PDF']);

    // A second correction from the old version is refused, nothing changes.
    await expect(correctImportedIssue({ id, text: before.text, version: before.version }, admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getCorrectableIssue(id))!.version).toBe(after.version);
  }, 120_000);

  it('refuses an issue that was not imported, and text that cannot be read, without writing', async () => {
    await expect(correctImportedIssue({ id: 999_999, text: '# 标题\n正文。', version: '0'.repeat(64) }, admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const files = [fixtureFile('2023-14.txt')];
    const preview = await previewImport(files);
    const { imported } = await importIssues(files, admin, { expectedFingerprints: preview.files.map((f) => f.fingerprint!) });
    const before = (await getCorrectableIssue(imported[0]!.issueId))!;
    // 编排 counts the printed items of an imported issue, as 已发布 does.
    expect((await listIssues()).find((i) => i.id === before.id)!._count.items).toBe(7);
    await expect(correctImportedIssue({ id: before.id, text: '只有一段。', version: before.version }, admin)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await getCorrectableIssue(before.id))!.version).toBe(before.version);
    expect(await db.issueEvent.count({ where: { type: 'CORRECTED' } })).toBe(0);
  });
});
