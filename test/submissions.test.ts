// 信息报送 end to end below the HTTP layer: 信息员 send for their own unit only, editors adopt,
// merge, return and decline in one transaction each, a second decision on the same version is
// refused without writing, duplicates are flagged, 约稿 track who answered, and everyone
// concerned is notified.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestUser } from './support/factories';
import { createTestReporter, createTestSection, createTestUnit, paragraphs, SENDER } from './support/intake';
import { loginAs } from './support/session';

const actions = await import('@/lib/actions/submissions');
const { getUnitSubmission, listUnitSubmissions, findLikelyDuplicates, flagLikelyDuplicates } = await import('@/lib/data/submissions');
const { listSubmissionRequests, listOpenRequestsForReporter, notifyOverdueRequests } = await import('@/lib/data/submission-requests');
const { getCurrentUser } = await import('@/lib/auth');

beforeEach(() => loginAs(null));

async function unreadKinds(userId: number) {
  const rows = await db.notification.findMany({ where: { userId, readAt: null }, orderBy: { id: 'asc' }, select: { kind: true, title: true } });
  return rows;
}

async function send(reporter: { id: number; sessionVersion: number }, title: string, text: string, extra: Record<string, unknown> = {}) {
  loginAs(reporter);
  const result = await actions.createSubmissionAction({ title, body: paragraphs(text), ...SENDER, ...extra });
  if (!result.ok) throw new Error(result.message);
  return db.submission.findUniqueOrThrow({ where: { id: result.data.id } });
}

describe('信息员 submissions', () => {
  it('sends for the own unit only, tells the editors, and hides other units’ submissions', async () => {
    const [unitA, unitB] = [await createTestUnit(), await createTestUnit()];
    const reporterA = await createTestReporter(unitA.id);
    const reporterB = await createTestReporter(unitB.id);
    const editor = await createTestUser({ roles: ['EDITOR'] });

    const sent = await send(reporterA, '东城区科协举办科普讲座', '6月1日，东城区科协举办科普讲座。', { unitId: unitB.id });
    expect(sent.unitId).toBe(unitA.id);
    expect(sent.status).toBe('SUBMITTED');
    expect((await unreadKinds(editor.id)).at(-1)).toMatchObject({ kind: 'SUBMISSION_RECEIVED', title: expect.stringContaining(unitA.name) });

    loginAs(reporterB);
    const userB = (await getCurrentUser())!;
    expect(await getUnitSubmission(sent.id, userB)).toBeNull();
    expect((await listUnitSubmissions(userB)).submissions.map((s) => s.id)).not.toContain(sent.id);
  });

  it('refuses bad input in Chinese, other roles, and a reporter without a unit, writing nothing', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id);
    const before = await db.submission.count();
    loginAs(reporter);
    const bad = await actions.createSubmissionAction({ title: '', body: paragraphs(''), writer: '', writerPhone: 'abc', signedOffBy: '' });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(['title', 'writer', 'writerPhone', 'signedOffBy']));

    const noUnit = await createTestUser({ roles: ['REPORTER'] });
    loginAs(noUnit);
    const refused = await actions.createSubmissionAction({ title: '标题', body: paragraphs('正文'), ...SENDER });
    expect(refused).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('单位') });

    loginAs(await createTestUser({ roles: ['EDITOR'] }));
    expect(await actions.createSubmissionAction({ title: '标题', body: paragraphs('正文'), ...SENDER })).toMatchObject({ status: 403 });
    loginAs(reporter);
    expect(await actions.adoptSubmissionAction({ id: 1, version: 1, sectionId: 1 })).toMatchObject({ status: 403 });
    expect(await db.submission.count()).toBe(before);
  });
});

describe('来稿 decisions', () => {
  it('adopts into an item with the unit as source; a second decision on the same version is refused', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id);
    const section = await createTestSection();
    const sent = await send(reporter, '朝阳区科协召开学术年会', '年会于5月召开。');
    const [editor, colleague] = [await createTestUser({ roles: ['EDITOR'] }), await createTestUser({ roles: ['EDITOR'] })];

    loginAs(editor);
    const adopted = await actions.adoptSubmissionAction({ id: sent.id, version: sent.version, sectionId: section.id });
    expect(adopted.ok).toBe(true);
    const itemId = adopted.ok ? adopted.data.itemId : 0;
    const item = await db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ title: '朝阳区科协召开学术年会', sources: [unit.name], sectionId: section.id, bodyText: '年会于5月召开。' });
    expect(await db.submission.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: 'ADOPTED', itemId, decidedById: editor.id });

    const items = await db.item.count();
    loginAs(colleague);
    const late = await actions.declineSubmissionAction({ id: sent.id, version: sent.version, reason: '重复' });
    expect(late).toMatchObject({ ok: false, status: 409 });
    const again = await actions.adoptSubmissionAction({ id: sent.id, version: sent.version, sectionId: section.id });
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(await db.item.count()).toBe(items);
    expect((await unreadKinds(reporter.id)).map((n) => n.kind)).toEqual(['SUBMISSION_ADOPTED']);
  });

  it('two editors adopting at once: exactly one item', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id);
    const section = await createTestSection();
    const sent = await send(reporter, '同时采用', '两位编辑同时采用。');
    const editor = await createTestUser({ roles: ['EDITOR'] });
    loginAs(editor);
    const before = await db.item.count();
    const results = await Promise.all([1, 2].map(() => actions.adoptSubmissionAction({ id: sent.id, version: 1, sectionId: section.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.status)).toEqual([409]);
    expect(await db.item.count()).toBe(before + 1);
  });

  it('merges several units’ submissions into one item that credits every unit', async () => {
    const [unitA, unitB] = [await createTestUnit(), await createTestUnit()];
    const a = await send(await createTestReporter(unitA.id), '甲', '甲单位的段落。');
    const b = await send(await createTestReporter(unitB.id), '乙', '乙单位的段落。');
    const section = await createTestSection();
    loginAs(await createTestUser({ roles: ['EDITOR'] }));
    const merged = await actions.mergeSubmissionsAction({ submissions: [`${a.id}:1`, `${b.id}:1`], title: '各区科协开展科普活动', sectionId: section.id });
    expect(merged.ok).toBe(true);
    const itemId = merged.ok ? merged.data.itemId : 0;
    expect(await db.item.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      sources: [unitA.name, unitB.name],
      bodyText: '甲单位的段落。\n\n乙单位的段落。',
    });
    const rows = await db.submission.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => [r.status, r.itemId])).toEqual([['MERGED', itemId], ['MERGED', itemId]]);

    expect(await actions.mergeSubmissionsAction({ submissions: [`${a.id}:2`], title: '一篇', sectionId: section.id })).toMatchObject({ status: 400 });
  });

  it('returns with a reason, the unit revises and sends again; declines with a reason', async () => {
    const unit = await createTestUnit();
    const reporter = await createTestReporter(unit.id);
    const sent = await send(reporter, '初稿', '内容不全。');
    const editor = await createTestUser({ roles: ['EDITOR'] });
    loginAs(editor);
    expect(await actions.returnSubmissionAction({ id: sent.id, version: 1, reason: '' })).toMatchObject({ status: 400 });
    expect(await actions.returnSubmissionAction({ id: sent.id, version: 1, reason: '请补充活动时间和参加人数' })).toMatchObject({ ok: true });

    loginAs(reporter);
    const user = (await getCurrentUser())!;
    const returned = (await getUnitSubmission(sent.id, user))!;
    expect(returned).toMatchObject({ status: 'RETURNED', reason: '请补充活动时间和参加人数', state: '退回修改' });
    const revised = await actions.reviseSubmissionAction({ id: sent.id, version: returned.version, title: '修改稿', body: paragraphs('6月1日，100人参加。'), ...SENDER });
    expect(revised).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await actions.reviseSubmissionAction({ id: sent.id, version: 3, title: '再改', body: paragraphs('再改'), ...SENDER })).toMatchObject({ status: 423 });

    loginAs(editor);
    expect(await actions.declineSubmissionAction({ id: sent.id, version: 3, reason: '与本刊定位不符' })).toMatchObject({ ok: true });
    loginAs(reporter);
    expect(await getUnitSubmission(sent.id, user)).toMatchObject({ status: 'DECLINED', reason: '与本刊定位不符', state: '未采用' });
    expect((await unreadKinds(reporter.id)).map((n) => n.kind)).toEqual(['SUBMISSION_RETURNED', 'SUBMISSION_DECLINED']);
  });

  it('flags the same text sent by two units as a likely duplicate, and not an unrelated one', async () => {
    const text = '6月10日，市科协联合多家学会在奥林匹克森林公园举办全国科技活动周北京主场活动，展示前沿科技成果两百余项，吸引市民三万余人次参与。';
    const a = await send(await createTestReporter((await createTestUnit()).id), '科技周', text);
    const b = await send(await createTestReporter((await createTestUnit()).id), '科技周主场', `${text.slice(0, -1)}，反响热烈。`);
    const c = await send(await createTestReporter((await createTestUnit()).id), '无关', '某区科协召开年度工作会议，总结上年工作并部署今年重点任务。');
    const found = await findLikelyDuplicates(b);
    expect(found.map((d) => d.id)).toContain(a.id);
    expect(found.find((d) => d.id === a.id)!.similarity).toBeGreaterThan(0.8);
    expect((await findLikelyDuplicates(c)).map((d) => d.id)).not.toContain(a.id);
    const flagged = await flagLikelyDuplicates([a.id, c.id]);
    expect(flagged.has(a.id)).toBe(true);
    expect(flagged.has(c.id)).toBe(false);
  });

  it('flags a text sent again with spaces inside it', async () => {
    const text = `${Date.now()}日，某学会在国家会议中心举办学术年会，来自全国的三百余名专家学者围绕人工智能与科学研究展开交流。`;
    const first = await send(await createTestReporter((await createTestUnit()).id), '学术年会', text);
    const again = await send(await createTestReporter((await createTestUnit()).id), '学术年会（重报）', text.replace('，', '， ').replace('举办', '举办 '));
    const flagged = await flagLikelyDuplicates([first.id, again.id]);
    expect([...flagged].sort()).toEqual([first.id, again.id].sort());
  });
});

describe('约稿', () => {
  it('is sent to units, answered by one, shows who is late, and editors hear of it once', async () => {
    const [unitA, unitB, unitC] = [await createTestUnit(), await createTestUnit(), await createTestUnit()];
    const reporterA = await createTestReporter(unitA.id);
    const reporterC = await createTestReporter(unitC.id);
    const editor = await createTestUser({ roles: ['EDITOR'] });
    loginAs(editor);
    expect(await actions.createSubmissionRequestAction({ topic: '科技周', details: '', deadline: '2001-01-01', unitIds: [unitA.id] })).toMatchObject({ status: 400 });
    const created = await actions.createSubmissionRequestAction({ topic: '全国科技活动周', details: '请报送活动情况', deadline: '2099-05-30', unitIds: [unitA.id, unitB.id] });
    expect(created.ok).toBe(true);
    const requestId = created.ok ? created.data.id : 0;
    expect((await unreadKinds(reporterA.id)).map((n) => n.kind)).toEqual(['REQUEST_SENT']);

    // A unit not asked cannot answer it.
    loginAs(reporterC);
    expect(await actions.createSubmissionAction({ title: '不请自来', body: paragraphs('内容'), ...SENDER, requestId })).toMatchObject({ status: 400 });

    loginAs(reporterA);
    const userA = (await getCurrentUser())!;
    expect((await listOpenRequestsForReporter(userA)).map((r) => r.id)).toContain(requestId);
    await send(reporterA, '东城区科技周', '活动情况。', { requestId });
    expect((await listOpenRequestsForReporter(userA)).map((r) => r.id)).not.toContain(requestId);

    const afterDeadline = '2099-06-01';
    const request = (await listSubmissionRequests(afterDeadline)).find((r) => r.id === requestId)!;
    expect(request.units.map((u) => [u.id, u.answered, u.isLate])).toEqual(
      [[unitA.id, 1, false], [unitB.id, 0, true]].sort((x, y) => (request.units.findIndex((u) => u.id === x[0]) - request.units.findIndex((u) => u.id === y[0]))),
    );

    const before = (await unreadKinds(editor.id)).filter((n) => n.kind === 'REQUEST_OVERDUE').length;
    await Promise.all([notifyOverdueRequests(afterDeadline), notifyOverdueRequests(afterDeadline)]);
    await notifyOverdueRequests(afterDeadline);
    const overdue = (await unreadKinds(editor.id)).filter((n) => n.kind === 'REQUEST_OVERDUE');
    expect(overdue.length - before).toBe(1);
    expect(overdue.at(-1)!.title).toContain('1个单位未报送');
  });
});
