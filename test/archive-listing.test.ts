// The archive's lists and filters per publication (已发布, 检索, 信息采用统计), and that their
// queries can read the publication's own index.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { fixtureFile, resetArchive } from './support/archive';
import { createTestUser } from './support/factories';
import { explain } from './support/query-plan';

const { importIssues } = await import('@/lib/data/imports');
const { frequentPageSql, getArchiveFacets, listPublishedIssuesOfYear, listPublishedYears, searchArchive } = await import('@/lib/data/archive');
const { getAdoptionStatistics } = await import('@/lib/data/statistics');

let publicationId: number;
let otherPublicationId: number;

beforeAll(async () => {
  await resetArchive();
  const admin = await createTestUser({ roles: ['ADMIN'] });
  await importIssues([fixtureFile('2023-14.txt'), fixtureFile('2023-07.md')], admin);
  publicationId = (await db.publication.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  // A second publication with one published issue of its own, whose items must not show.
  const other = await db.publication.create({ data: { name: '科协专报', publisher: '北京市科协办公室', distribution: [] } });
  otherPublicationId = other.id;
  const issue = await db.issue.create({
    data: {
      publicationId: other.id,
      issueDate: new Date(Date.UTC(2023, 5, 2)),
      year: 2023,
      yearNumber: 1,
      totalNumber: 1,
      status: 'PUBLISHED',
      origin: 'IMPORTED',
      createdById: admin.id,
      publishedAt: new Date(),
    },
  });
  await db.archiveItem.create({
    data: {
      issueId: issue.id,
      publicationId: other.id,
      position: 0,
      sectionName: '专报栏目',
      isLead: false,
      title: '专报航天科普嘉年华',
      bodyText: '专报正文。',
      sources: ['丰台区科协'],
      sourceUnits: ['丰台区科协'],
      year: 2023,
      yearNumber: 1,
      issueDate: new Date(Date.UTC(2023, 5, 2)),
      totalNumber: 1,
      searchText: '专报航天科普嘉年华专报正文。丰台区科协',
    },
  });
});

describe('已发布: the year list and one year’s issues', () => {
  it('lists the publication’s years with their issues, and each issue’s printed items', async () => {
    expect(await listPublishedYears(publicationId)).toEqual([{ year: 2023, count: 2 }]);
    const issues = await listPublishedIssuesOfYear(publicationId, 2023);
    expect(issues.map((i) => [i.totalNumber, i.itemCount, i.origin])).toEqual([
      [67, 7, 'IMPORTED'],
      [60, 6, 'IMPORTED'],
    ]);
    expect(await listPublishedYears(otherPublicationId)).toEqual([{ year: 2023, count: 1 }]);
    expect((await listPublishedIssuesOfYear(otherPublicationId, 2023)).map((i) => i.itemCount)).toEqual([1]);
    expect(await listPublishedIssuesOfYear(publicationId, 2022)).toEqual([]);
  });
});

describe('search and filters per publication', () => {
  it('finds only the publication’s own items when it is named', async () => {
    expect((await searchArchive({ query: '航天科普嘉年华' })).total).toBe(2);
    const own = await searchArchive({ query: '航天科普嘉年华', publicationId });
    expect(own.hits.map((h) => h.totalNumber)).toEqual([67]);
    const other = await searchArchive({ query: '航天科普嘉年华', publicationId: otherPublicationId });
    expect(other.hits.map((h) => h.sectionName)).toEqual(['专报栏目']);
  });

  it('offers each publication its own years, sections and sources, and statistics count its own items', async () => {
    const facets = await getArchiveFacets(publicationId);
    expect(facets.years).toEqual([2023]);
    expect(facets.sectionsAsPrinted).toEqual(['市科协要闻', '学会动态', '区科协动态', '基层组织动态']);
    expect(facets.sectionsAsPrinted).not.toContain('专报栏目');
    expect(facets.sources).toContain('北京科技社团服务中心');
    expect((await getArchiveFacets(otherPublicationId)).sectionsByUse).toEqual(['专报栏目']);
    const stats = await getAdoptionStatistics({ granularity: 'year' }, publicationId);
    expect(stats.itemTotals.total).toBe(13);
    expect(stats.units.find((u) => u.unit === '丰台区科协')).toMatchObject({ total: 1 });
    const otherStats = await getAdoptionStatistics({ granularity: 'year' }, otherPublicationId);
    expect(otherStats).toMatchObject({ sections: ['专报栏目'], itemTotals: { total: 1 } });
  });

  it('reads a frequent term along the publication’s own date index', async () => {
    await db.$executeRaw`ANALYZE "ArchiveItem"`;
    const sql = frequentPageSql({ query: '科协', publicationId }, 0, 1_000);
    // Few rows here: make the planner show which index it can use, as it does at scale.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      return explain(sql, { client: tx });
    });
    expect(plan).toContain('Index Scan using "ArchiveItem_publicationId_issueDate_totalNumber_position_idx"');
  });
});
