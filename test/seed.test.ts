import { expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/password';
import { readPrintSnapshot } from '@/lib/export/print-issue';
import { DEMO_ITEMS_IN_PROGRESS, demoStartPoint, publishDemoIssue, seedDemoIfEmpty } from '@/prisma/seed';

it('seeds the demo publication, its catalogue and one working account per role, once', async () => {
  const accounts = await seedDemoIfEmpty(db);
  expect(accounts?.map((a) => [a.username, a.roles])).toEqual([
    ['admin', ['ADMIN']],
    ['editor', ['EDITOR']],
    ['reviewer', ['REVIEWER']],
    ['staff', ['STAFF']],
    ['reporter', ['REPORTER']],
  ]);
  for (const account of accounts!) {
    const user = await db.user.findUniqueOrThrow({ where: { username: account.username } });
    expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
  }

  const publication = await db.publication.findFirstOrThrow({
    include: { sections: { orderBy: { position: 'asc' }, include: { columns: true } } },
  });
  // As the office prints it: 目录提要 alone on page 1, headlines in it.
  expect(publication).toMatchObject({ name: '科协每周动态', publisher: '北京市科协办公室', contentsOnOwnPage: true, contentsStyle: 'HEADLINES' });
  expect(publication.distribution[0]).toBe('市科协第十届委员会主席、副主席、常委、委员');
  expect(publication.sections.map((s) => [s.name, s.kind])).toEqual([
    ['市科协要闻', 'LEAD'],
    ['学会动态', 'REGULAR'],
    ['区科协动态', 'REGULAR'],
    ['基层组织动态', 'REGULAR'],
  ]);
  expect(publication.sections[3]!.columns.map((c) => c.name)).toEqual(['首都科技工作者沙龙']);

  // A second start keeps what is there.
  expect(await seedDemoIfEmpty(db)).toBeNull();
  expect(await db.user.count()).toBe(5);

  // 信息报送: the 16 区科协, societies and centres, and the 信息员 bound to 东城区科协.
  expect(await db.unit.count({ where: { kind: 'DISTRICT' } })).toBe(16);
  expect(await db.unit.count({ where: { kind: 'SOCIETY' } })).toBeGreaterThanOrEqual(24);
  expect(await db.unit.findUnique({ where: { name: '北京科技社团服务中心' } })).toMatchObject({ kind: 'AFFILIATE' });
  const reporter = await db.user.findUniqueOrThrow({ where: { username: 'reporter' }, include: { unit: true } });
  expect(reporter.unit?.name).toBe('东城区科协');
});

it('publishes one demo issue with items in every section, once', async () => {
  const id = await publishDemoIssue();
  const issue = await db.issue.findUniqueOrThrow({ where: { id: id! } });
  // Numbered as if the office had gone on weekly since 2023年第14期（总第67期）.
  const start = demoStartPoint(issue.issueDate.toISOString().slice(0, 10));
  expect(issue).toMatchObject({ status: 'PUBLISHED', year: start.startYear, yearNumber: start.startYearNumber, totalNumber: start.startTotalNumber });
  expect(issue.totalNumber).toBeGreaterThan(67);
  const snapshot = readPrintSnapshot(issue.snapshot);
  expect(snapshot.sections.map((s) => s.name)).toEqual(['市科协要闻', '学会动态', '区科协动态', '基层组织动态']);
  expect(snapshot.sections[3]!.columns[0]!.name).toBe('首都科技工作者沙龙');
  expect(snapshot).toMatchObject({ editorName: '张红波', reviewerName: '李金涛' });
  expect(await publishDemoIssue()).toBeNull();

  // This week's items are waiting under 稿件, in no issue yet, each with its first version.
  const inProgress = await db.item.findMany({ where: { issueId: null }, include: { section: true, versions: true }, orderBy: { id: 'asc' } });
  expect(inProgress.map((item) => [item.title, item.section.name, item.status, item.versions.length])).toEqual(
    DEMO_ITEMS_IN_PROGRESS.map((demo) => [demo.title, demo.section, demo.status, 1]),
  );
  expect(inProgress.every((item) => item.section.publicationId === issue.publicationId)).toBe(true);

  // Submissions in every state; the adopted one is printed in the demo issue.
  const states = await db.submission.groupBy({ by: ['status'], _count: { _all: true } });
  expect(states.map((s) => s.status).sort()).toEqual(['ADOPTED', 'DECLINED', 'RETURNED', 'SUBMITTED']);
  const adopted = await db.submission.findFirstOrThrow({ where: { status: 'ADOPTED' }, include: { item: true } });
  expect(adopted.item?.issueId).toBe(id);
  expect(await db.submissionRequest.count()).toBe(1);

  // The start point is fixed now: the settings show the one in effect, the demo issue's.
  const { getPublicationSettings } = await import('@/lib/data/publication');
  const numbers = { year: start.startYear, yearNumber: start.startYearNumber, totalNumber: start.startTotalNumber };
  expect(await getPublicationSettings()).toMatchObject({ startYear: start.startYear, isStartLocked: true, firstPublished: numbers, lastPublished: numbers });
});

it('publishes the demo 专报 as 第1期 of its own, kept out of the weekly’s archive, search and statistics', async () => {
  const { listPublications } = await import('@/lib/data/publication');
  const { listPublishedYears, searchArchive } = await import('@/lib/data/archive');
  const { getAdoptionStatistics } = await import('@/lib/data/statistics');
  const { ZStatisticsQuery } = await import('@/lib/validations/statistics');
  const [weekly, second] = await listPublications();
  expect([weekly?.name, second?.name, second?.slug]).toEqual(['科协每周动态', '科协专报', 'zhuanbao']);
  const issue = await db.issue.findFirstOrThrow({ where: { publicationId: second!.id } });
  expect(issue).toMatchObject({ status: 'PUBLISHED', yearNumber: 1, totalNumber: 1 });
  expect(readPrintSnapshot(issue.snapshot).publicationName).toBe('北京科协工作专报');

  const query = { query: '志愿者招募' };
  expect((await searchArchive({ ...query, publicationId: second!.id })).total).toBe(1);
  expect((await searchArchive({ ...query, publicationId: weekly!.id })).total).toBe(0);
  expect((await listPublishedYears(weekly!.id)).reduce((n, y) => n + y.count, 0)).toBe(1);
  const units = async (publicationId: number) => (await getAdoptionStatistics(ZStatisticsQuery.parse({ granularity: 'year' }), publicationId)).units.map((u) => u.unit);
  expect(await units(second!.id)).toEqual(['市科协科普部']);
  expect(await units(weekly!.id)).not.toContain('市科协科普部');
});

it('without the demo, sets up the publication and only the administrator', async () => {
  await db.$executeRaw`ALTER TABLE "Issue" DISABLE TRIGGER "Issue_guard_published"`;
  await db.issueExport.deleteMany();
  await db.issueEvent.deleteMany();
  await db.submission.deleteMany();
  await db.submissionRequest.deleteMany();
  await db.notification.deleteMany();
  await db.itemVersion.deleteMany();
  await db.item.deleteMany();
  await db.issue.deleteMany();
  await db.$executeRaw`ALTER TABLE "Issue" ENABLE TRIGGER "Issue_guard_published"`;
  await db.sectionColumn.deleteMany();
  await db.section.deleteMany();
  await db.publication.deleteMany();
  await db.user.deleteMany();
  const accounts = await seedDemoIfEmpty(db, { isDemo: false });
  expect(accounts?.map((a) => [a.username, a.roles])).toEqual([['admin', ['ADMIN']]]);
  expect(await db.publication.count()).toBe(1);
  expect(await db.section.count()).toBe(4);
  expect(await db.issue.count()).toBe(0);
});
