import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { assignNumbers, checkIssueDate } from '@/lib/numbering';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const { changeIssueDate, createIssue, deleteIssue } = await import('@/lib/data/issue-numbering');
const { approveIssue, publishIssue } = await import('@/lib/data/issue-workflow');

describe('assignNumbers (pure)', () => {
  const start = { year: 2023, yearNumber: 7, totalNumber: 60 };

  it('starts at the admin’s start point and continues in date order', () => {
    const numbers = assignNumbers(null, start, [
      { id: 2, issueDate: '2023-03-17' },
      { id: 1, issueDate: '2023-03-10' },
    ]);
    expect(numbers.get(1)).toEqual({ year: 2023, yearNumber: 7, totalNumber: 60 });
    expect(numbers.get(2)).toEqual({ year: 2023, yearNumber: 8, totalNumber: 61 });
  });

  it('restarts the year number in a new year while the total continues', () => {
    const numbers = assignNumbers({ year: 2023, yearNumber: 48, totalNumber: 101 }, start, [
      { id: 5, issueDate: '2024-01-05' },
      { id: 4, issueDate: '2023-12-29' },
      { id: 6, issueDate: '2024-01-12' },
    ]);
    expect([numbers.get(4), numbers.get(5), numbers.get(6)]).toEqual([
      { year: 2023, yearNumber: 49, totalNumber: 102 },
      { year: 2024, yearNumber: 1, totalNumber: 103 },
      { year: 2024, yearNumber: 2, totalNumber: 104 },
    ]);
  });

  it('starts a year other than the start point’s at 第1期, and without a start point at 1', () => {
    expect(assignNumbers(null, start, [{ id: 1, issueDate: '2024-01-05' }]).get(1)).toEqual({ year: 2024, yearNumber: 1, totalNumber: 60 });
    expect(assignNumbers(null, { year: null, yearNumber: 1, totalNumber: 1 }, [{ id: 1, issueDate: '2026-11-27' }]).get(1)).toEqual({
      year: 2026,
      yearNumber: 1,
      totalNumber: 1,
    });
  });

  it('orders issues of one day by creation', () => {
    const numbers = assignNumbers(null, start, [
      { id: 9, issueDate: '2023-03-10' },
      { id: 3, issueDate: '2023-03-10' },
    ]);
    expect([numbers.get(3)!.totalNumber, numbers.get(9)!.totalNumber]).toEqual([60, 61]);
  });

  it('refuses dates before the last published issue or the start year', () => {
    expect(checkIssueDate('2023-03-03', { issueDate: '2023-03-10' }, start)).toMatch(/不能早于已发布的最后一期/);
    expect(checkIssueDate('2023-03-10', { issueDate: '2023-03-10' }, start)).toBeNull();
    expect(checkIssueDate('2022-12-30', null, start)).toMatch(/2023年/);
  });
});

describe('numbering in the database', () => {
  let publicationId: number;
  beforeEach(async () => {
    await db.item.deleteMany();
    // Published issues cannot be deleted (trigger): each test gets a fresh publication instead.
    await db.$executeRaw`ALTER TABLE "Issue" DISABLE TRIGGER "Issue_guard_published"`;
    await db.issueEvent.deleteMany();
    await db.issue.deleteMany();
    await db.$executeRaw`ALTER TABLE "Issue" ENABLE TRIGGER "Issue_guard_published"`;
    await db.publication.deleteMany();
    publicationId = (
      await db.publication.create({
        data: { name: '科协每周动态', publisher: '北京市科协办公室', startYear: 2023, startYearNumber: 7, startTotalNumber: 60 },
      })
    ).id;
  });

  async function numbers() {
    const issues = await db.issue.findMany({ where: { publicationId }, orderBy: { totalNumber: 'asc' } });
    return issues.map((i) => [i.issueDate.toISOString().slice(0, 10), i.yearNumber, i.totalNumber, i.status]);
  }

  async function approve(id: number, reviewer: Awaited<ReturnType<typeof createTestUser>>) {
    await db.issue.update({ where: { id }, data: { status: 'IN_REVIEW' } });
    await approveIssue(id, reviewer);
  }

  it('renumbers unpublished issues when one is deleted or moves to another date', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const a = await createIssue({ issueDate: '2023-03-10' }, editor);
    const b = await createIssue({ issueDate: '2023-03-17' }, editor);
    const c = await createIssue({ issueDate: '2023-03-24' }, editor);
    expect(await numbers()).toEqual([
      ['2023-03-10', 7, 60, 'ASSEMBLING'],
      ['2023-03-17', 8, 61, 'ASSEMBLING'],
      ['2023-03-24', 9, 62, 'ASSEMBLING'],
    ]);
    await changeIssueDate({ id: a.id, issueDate: '2023-03-31' }, editor);
    expect((await db.issue.findUniqueOrThrow({ where: { id: a.id } })).totalNumber).toBe(62);
    // The timeline says it as the office writes dates.
    expect((await db.issueEvent.findFirstOrThrow({ where: { issueId: a.id, type: 'DATE_CHANGED' } })).comment).toBe('2023年3月10日 → 2023年3月31日');
    expect((await db.issue.findUniqueOrThrow({ where: { id: b.id } })).totalNumber).toBe(60);
    await deleteIssue(b.id);
    expect(await numbers()).toEqual([
      ['2023-03-24', 7, 60, 'ASSEMBLING'],
      ['2023-03-31', 8, 61, 'ASSEMBLING'],
    ]);
    expect(c.id).toBeGreaterThan(0);
  });

  it('publishes in number order only, and published numbers never change', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    const first = await createIssue({ issueDate: '2023-03-10' }, editor);
    const second = await createIssue({ issueDate: '2023-03-17' }, editor);
    await approve(first.id, reviewer);
    await approve(second.id, reviewer);

    await expect(publishIssue(second.id, editor)).rejects.toMatchObject({ code: 'CONFLICT', message: '须按期号顺序发布：请先发布总第60期。' });
    await publishIssue(first.id, editor);
    await publishIssue(second.id, editor);

    // A new issue cannot take a date before what is published; after it, it gets the next number.
    await expect(createIssue({ issueDate: '2023-03-03' }, editor)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await createIssue({ issueDate: '2023-03-24' }, editor);
    expect(await numbers()).toEqual([
      ['2023-03-10', 7, 60, 'PUBLISHED'],
      ['2023-03-17', 8, 61, 'PUBLISHED'],
      ['2023-03-24', 9, 62, 'ASSEMBLING'],
    ]);
    // The database itself refuses to renumber, unpublish or delete a published issue.
    await expect(db.issue.update({ where: { id: first.id }, data: { totalNumber: 99 } })).rejects.toThrow();
    await expect(db.issue.update({ where: { id: first.id }, data: { status: 'ASSEMBLING' } })).rejects.toThrow();
    await expect(db.issue.delete({ where: { id: first.id } })).rejects.toThrow();
    await expect(deleteIssue(first.id)).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('the database refuses a published issue that leaves a gap', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    await expect(
      db.issue.create({
        data: { publicationId, issueDate: new Date('2023-03-10'), year: 2023, yearNumber: 8, totalNumber: 61, status: 'PUBLISHED', createdById: editor.id },
      }),
    ).rejects.toThrow(/cannot be published before/);
  });

  it('50 concurrent creations get 50 distinct numbers with no gap', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const dates = Array.from({ length: 50 }, (_, i) => `2023-${String(4 + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`);
    const created = await Promise.all(dates.map((issueDate) => createIssue({ issueDate }, editor)));
    expect(new Set(created.map((c) => c.id)).size).toBe(50);
    const rows = await db.issue.findMany({ where: { publicationId }, orderBy: { issueDate: 'asc' } });
    expect(rows.map((r) => r.totalNumber)).toEqual(Array.from({ length: 50 }, (_, i) => 60 + i));
    expect(rows.map((r) => r.yearNumber)).toEqual(Array.from({ length: 50 }, (_, i) => 7 + i));
  });

  it('50 concurrent publications go out strictly in number order, leaving no gap', async () => {
    const editor = await createTestUser({ roles: ['EDITOR'] });
    const reviewer = await createTestUser({ roles: ['REVIEWER'] });
    loginAs(editor);
    const created = [];
    // One issue per date (a date already taken is refused).
    for (let i = 0; i < 50; i++) {
      const issueDate = `2023-${String(5 + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      created.push(await createIssue({ issueDate }, editor));
    }
    for (const issue of created) await approve(issue.id, reviewer);

    // Everyone tries at once, again and again: an issue goes out only when it is next in line
    // (several may in one round, if their turns come in order).
    let remaining = created.map((c) => c.id);
    let refused = 0;
    while (remaining.length) {
      const results = await Promise.allSettled(remaining.map((id) => publishIssue(id, editor)));
      const published = remaining.filter((_, i) => results[i]!.status === 'fulfilled');
      expect(published.length).toBeGreaterThanOrEqual(1);
      refused += results.filter((r) => r.status === 'rejected').length;
      remaining = remaining.filter((id) => !published.includes(id));
    }
    expect(refused).toBeGreaterThan(0);
    const rows = await db.issue.findMany({ where: { publicationId }, orderBy: { totalNumber: 'asc' } });
    expect(rows.every((r) => r.status === 'PUBLISHED')).toBe(true);
    expect(rows.map((r) => r.totalNumber)).toEqual(Array.from({ length: 50 }, (_, i) => 60 + i));
    // Publication times follow the numbers: nothing was published before its predecessor.
    const times = rows.map((r) => r.publishedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
