// Search and 信息采用统计 over the imported fixtures; the search index is really used.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, Prisma } from '@/lib/db';
import { buildSearchText, normalizeSearchText, parseSearchTerms } from '@/lib/archive/normalize';
import { fixtureFile, resetArchive } from './support/archive';
import { createTestUser } from './support/factories';
import { explain } from './support/query-plan';

const { importIssues } = await import('@/lib/data/imports');
const { FREQUENT_WINDOW, frequentPageSql, indexedPageSql, searchArchive, SEARCH_PAGE_SIZE } = await import('@/lib/data/archive');
const { getAdoptionStatistics } = await import('@/lib/data/statistics');

function plain(segments: { text: string }[]): string {
  return segments.map((s) => s.text).join('');
}
function marked(segments: { text: string; isMatch: boolean }[]): string[] {
  return segments.filter((s) => s.isMatch).map((s) => s.text);
}

beforeAll(async () => {
  await resetArchive();
  const admin = await createTestUser({ roles: ['ADMIN'] });
  await importIssues([fixtureFile('2023-14.txt'), fixtureFile('2023-07.md')], admin);
});

describe('search over the imported archive', () => {
  it('finds the fixtures’ text, highlighted, with a link target (issue and position)', async () => {
    const result = await searchArchive({ query: '航天科普嘉年华' });
    expect(result.total).toBe(1);
    const [hit] = result.hits;
    expect(plain(hit!.title)).toBe('丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行');
    expect(marked(hit!.title)).toEqual(['航天科普嘉年华']);
    expect(hit).toMatchObject({ year: 2023, yearNumber: 14, totalNumber: 67, sectionName: '区科协动态', issueDate: '2023-04-28' });
    const issue = await db.issue.findFirstOrThrow({ where: { totalNumber: 67 } });
    expect(hit!.issueId).toBe(issue.id);
    expect(hit!.position).toBe(6);
  });

  it('ignores the line-break spaces of the PDF text, letter case and full-width forms', async () => {
    expect((await searchArchive({ query: '嘉年华暨云岗' })).total).toBe(1);
    const ar = await searchArchive({ query: 'ａｒ天文' });
    expect(ar.total).toBe(1);
    expect(marked(ar.hits[0]!.excerpt)).toEqual(['AR天文']);
  });

  it('answers one- and two-character queries, and several terms together', async () => {
    const one = await searchArchive({ query: '院' });
    const two = await searchArchive({ query: '密云' });
    const both = await searchArchive({ query: '密云 院士' });
    const rows = await db.archiveItem.findMany({ select: { searchText: true } });
    const expected = (terms: string[]) => rows.filter((r) => terms.every((t) => r.searchText.includes(t))).length;
    expect(one.total).toBe(expected(['院']));
    expect(one.total).toBeGreaterThan(3);
    expect(two.total).toBe(expected(['密云']));
    expect(two.total).toBe(2);
    expect(both.total).toBe(1);
    expect(marked(both.hits[0]!.excerpt).length).toBeGreaterThan(0);
  });

  it('gives exactly what a plain scan of every item finds, for many kinds of query', async () => {
    const rows = await db.archiveItem.findMany({ select: { id: true, title: true, subtitle: true, bodyText: true, sources: true } });
    const queries = ['科协', '科', '学会动态', '北京科技社团服务中心', '不存在的词语', '市科协 沈洁', '2023', '“四服务”', '100%', 'a_b', '协召'];
    for (const query of queries) {
      const terms = parseSearchTerms(query);
      const expected = rows
        .filter((row) => terms.every((term) => buildSearchText(row).includes(term)))
        .map((row) => row.id)
        .sort((a, b) => a - b);
      const found: number[] = [];
      for (let page = 1; ; page++) {
        const result = await searchArchive({ query, page });
        found.push(...result.hits.map((h) => h.id));
        if (page >= result.pageCount) break;
      }
      expect([query, found.sort((a, b) => a - b)]).toEqual([query, expected]);
    }
  });

  it('filters by year, section and source unit; orders the newest issue first', async () => {
    const all = await searchArchive({ query: '科协' });
    expect(all.hits.map((h) => h.totalNumber)).toEqual([...all.hits.map((h) => h.totalNumber)].sort((a, b) => b - a));
    const society = await searchArchive({ query: '科协', section: '学会动态' });
    expect(society.hits.every((h) => h.sectionName === '学会动态')).toBe(true);
    expect(society.total).toBeGreaterThan(0);
    const source = await searchArchive({ query: '北京', source: '北京科技社团服务中心' });
    expect(source.total).toBe(3);
    expect((await searchArchive({ query: '科协', year: 2022 })).total).toBe(0);
    expect((await searchArchive({ query: '' })).total).toBe(0);
  });

  it('pages through results', async () => {
    const first = await searchArchive({ query: '的' });
    expect(first.total).toBe(13);
    expect(first.hits).toHaveLength(Math.min(13, SEARCH_PAGE_SIZE));
    expect((await searchArchive({ query: '的', page: 99 })).page).toBe(first.pageCount);
  });
});

describe('the search index', () => {
  beforeAll(async () => {
    // Enough rows for the planner to prefer an index: 3,000 items of random Chinese text.
    const issue = await db.issue.findFirstOrThrow({ where: { totalNumber: 60 } });
    await db.$executeRaw`
      INSERT INTO "ArchiveItem" ("issueId", "publicationId", "position", "sectionName", "isLead", "title", "bodyText", "sources", "sourceUnits",
                                 "year", "yearNumber", "issueDate", "totalNumber", "searchText")
      SELECT ${issue.id}, ${issue.publicationId}, 100 + g, '学会动态', false, '标题' || g, t, '{}', '{}', 2023, 7, DATE '2023-03-10', 60, '标题' || g || chr(1) || t
      FROM generate_series(1, 3000) AS g,
           LATERAL (SELECT string_agg(chr(19968 + floor(random() * 20000)::int), '') AS t FROM generate_series(1, 400 + g % 7)) AS body`;
    await db.$executeRaw`ANALYZE "ArchiveItem"`;
  });

  it('is used for queries of three or more characters, two, and one', async () => {
    for (const query of ['航天科普嘉年华', '嘉年', '嘉']) {
      expect([query, await explain(indexedPageSql({ query }))]).toEqual([query, expect.stringContaining('Bitmap Index Scan on "ArchiveItem_search_idx"')]);
    }
    // Still exact with the noise around it.
    expect((await searchArchive({ query: '航天科普嘉年华' })).total).toBe(1);
  });

  it('walks a frequent term newest first through the date index, as exact as a rare one', async () => {
    const result = await searchArchive({ query: '标题' });
    expect(result).toMatchObject({ isTotalCapped: true, total: 500, pageCount: 25 });
    // All noise rows belong to one issue: print order within it.
    expect(result.hits.map((h) => h.position)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => 101 + i));
    expect((await searchArchive({ query: '标题', page: 2 })).hits[0]!.position).toBe(101 + SEARCH_PAGE_SIZE);
    expect(await explain(frequentPageSql({ query: '标题' }, 0, FREQUENT_WINDOW))).toContain('Index Scan using "ArchiveItem_issueDate_totalNumber_position_idx"');
  });

  it('pages a frequent term the statistics do not know yet, reading only up to the page shown', async () => {
    // 600 items with a term added after ANALYZE: its pairs are in no statistics, so the index
    // finds it, the count passes the cap, and the page is read along the newest items.
    const issue = await db.issue.findFirstOrThrow({ where: { totalNumber: 60 } });
    await db.$executeRaw`
      INSERT INTO "ArchiveItem" ("issueId", "publicationId", "position", "sectionName", "isLead", "title", "bodyText", "sources", "sourceUnits",
                                 "year", "yearNumber", "issueDate", "totalNumber", "searchText")
      SELECT ${issue.id}, ${issue.publicationId}, 4000 + g, '学会动态', false, '培训' || g, '冷门培训班', '{}', '{}', 2023, 7, DATE '2023-03-10', 60,
             '培训' || g || chr(1) || '冷门培训班'
      FROM generate_series(1, 600) AS g`;
    const pageOf = async (page: number) => (await searchArchive({ query: '冷门培训班', page })).hits.map((h) => h.position);
    const first = await searchArchive({ query: '冷门培训班' });
    expect(first).toMatchObject({ isTotalCapped: true, total: 500, pageCount: 25 });
    expect(first.hits.map((h) => h.position)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => 4001 + i));
    expect(await pageOf(2)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => 4001 + SEARCH_PAGE_SIZE + i));
    expect(await pageOf(25)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => 4481 + i));
    // The scan along the newest items stops at the page's last match, not at the cap: the
    // query page 2 ran, run again under EXPLAIN ANALYZE, read 40 matches.
    // (the client behind the lazy `db` proxy, which has no properties of its own)
    const client = (globalThis as unknown as { prisma: typeof db }).prisma;
    const queries = vi.spyOn(client, '$queryRaw');
    await pageOf(2);
    const along = queries.mock.calls.map(([sql]) => sql).filter((sql) => sql instanceof Prisma.Sql && sql.sql.includes('AS recent'));
    queries.mockRestore();
    expect(along).toHaveLength(1);
    expect(await explain(along[0] as Prisma.Sql, { analyze: true })).toMatch(new RegExp(`Subquery Scan on recent .*actual time=[\\d.]+ rows=${2 * SEARCH_PAGE_SIZE}\\b`));
    await db.archiveItem.deleteMany({ where: { position: { gt: 4000 } } });
  });

  it('is not pg_trgm: under the cluster’s locale it extracts no trigram from Chinese at all', async () => {
    await db.$executeRaw`CREATE EXTENSION IF NOT EXISTS pg_trgm`;
    const [row] = await db.$queryRaw<{ chinese: string[]; latin: string[]; ctype: string }[]>`
      SELECT show_trgm('科协每周动态') AS chinese, show_trgm('abc') AS latin, (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`;
    expect(row).toEqual({ chinese: [], latin: ['  a', ' ab', 'abc', 'bc '], ctype: 'C' });
  });

  it('normalises queries as the indexed text', () => {
    expect(normalizeSearchText(' 嘉年华暨　云岗 ＡＲ ')).toBe('嘉年华暨云岗ar');
  });
});

describe('信息采用统计 of the fixtures', () => {
  it('counts every unit of an item, per quarter and section', async () => {
    // Only the two printed issues: drop the index test's noise rows.
    await db.archiveItem.deleteMany({ where: { position: { gte: 100 } } });
    const stats = await getAdoptionStatistics({ granularity: 'quarter' });
    expect(stats.query).toMatchObject({ fromYear: 2023, toYear: 2023 });
    expect(stats.periods.map((p) => p.label)).toEqual(['2023年第1季度', '2023年第2季度', '2023年第3季度', '2023年第4季度']);
    expect(stats.itemTotals).toEqual({ total: 13, byPeriod: [6, 7, 0, 0], withoutSource: 3, withoutSourceLead: 3 });
    expect(stats.sections).toEqual(['学会动态', '区科协动态', '基层组织动态']);
    const byUnit = Object.fromEntries(stats.units.map((u) => [u.unit, [u.total, u.byPeriod.slice(0, 2), u.bySection]]));
    expect(byUnit).toEqual({
      北京科技社团服务中心: [3, [3, 0], [2, 0, 1]],
      北京中医药学会: [1, [1, 0], [1, 0, 0]],
      北京作物学会: [1, [1, 0], [1, 0, 0]],
      西城区科协: [1, [1, 0], [0, 1, 0]],
      门头沟区科协: [1, [1, 0], [0, 1, 0]],
      中关村认同应用技术跨界创新联盟: [1, [1, 0], [0, 0, 1]],
      北京物联网智能技术应用协会: [1, [0, 1], [1, 0, 0]],
      北京安全技术学会: [1, [0, 1], [1, 0, 0]],
      密云区科协: [1, [0, 1], [0, 1, 0]],
      科普部: [1, [0, 1], [0, 1, 0]],
      科技社团服务中心: [1, [0, 1], [0, 1, 0]],
      丰台区科协: [1, [0, 1], [0, 1, 0]],
    });
    expect(stats.units[0]!.unit).toBe('北京科技社团服务中心');
  });

  it('by month and for one section', async () => {
    const stats = await getAdoptionStatistics({ granularity: 'month', section: '学会动态' });
    expect(stats.periods).toHaveLength(12);
    expect(stats.itemTotals.byPeriod.slice(2, 4)).toEqual([2, 2]);
    expect(stats.units.find((u) => u.unit === '北京科技社团服务中心')).toMatchObject({ total: 2 });
    const none = await getAdoptionStatistics({ granularity: 'year', fromYear: 2020, toYear: 2021 });
    expect(none.units).toEqual([]);
    expect(none.periods.map((p) => p.key)).toEqual(['2020', '2021']);
  });
});
