// Data for the load benchmark: ten years (or more) of the archive, generated deterministically.
import { performance } from 'node:perf_hooks';
import { fromDbDate } from '@/lib/dates';
import { toPrintSnapshot, type PrintIssue, type PrintSection } from '@/lib/export/print-issue';
import { hashPassword } from '@/lib/password';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedDemoIfEmpty } from '@/prisma/seed';
import { createRandom, generateItem, SECTION_NAMES, type GeneratedItem } from './corpus';

const ITEMS_PER_ISSUE = 12;
const NATIVE_ISSUES = 500;

const toBody = (paragraphs: string[]) => ({
  type: 'doc' as const,
  content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
});

/** Weekly issues ending on 2025-12-26, numbered 1…n, year numbers restarting each January. */
function issueCalendar(count: number) {
  const end = Date.UTC(2025, 11, 26);
  const perYear = new Map<number, number>();
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(end - (count - 1 - i) * 7 * 86_400_000);
    const year = date.getUTCFullYear();
    const yearNumber = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, yearNumber);
    return { date, year, yearNumber, totalNumber: i + 1 };
  });
}

/** The users bench0…bench(N-1), with one password; those a kept database already has stay. */
export async function ensureBenchUsers(db: PrismaClient, count: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      username: `bench${i}`,
      displayName: `压测用户${i}`,
      roles: i === 0 ? ['EDITOR', 'REVIEWER', 'ADMIN'] : ['EDITOR', 'REVIEWER'],
      passwordHash,
    })),
    skipDuplicates: true,
  });
}

/**
 * Generates the archive into a migrated, empty database: weekly issues of 12 items ending on
 * 2025-12-26 (the last 500 published in the system, older ones imported), bench users, drafts
 * and the next issue being assembled. Returns what the load needs; DATABASE_URL is set to it.
 */
export async function generateArchive(databaseUrl: string, totalItems: number, options: { users: number; password: string }) {
  const USERS = options.users;
  const PASSWORD = options.password;
  const started = performance.now();
  const { createPrismaClient } = await import('@/lib/db');
  const prisma = createPrismaClient(databaseUrl);
  await seedDemoIfEmpty(prisma, { isDemo: false });
  await prisma.$disconnect();
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import('@/lib/db');
  const { indexPublishedIssue } = await import('@/lib/data/archive');
  const { addItemsToIssue } = await import('@/lib/data/issue-assembly');
  const { createIssue } = await import('@/lib/data/issue-numbering');

  await ensureBenchUsers(db, USERS, PASSWORD);
  const users = await db.user.findMany({ where: { username: { startsWith: 'bench' } }, orderBy: { id: 'asc' } });
  const sections = await db.section.findMany({ include: { columns: true }, orderBy: { position: 'asc' } });
  const lead = sections.find((s) => s.kind === 'LEAD')!;
  const regular = SECTION_NAMES.map((name) => sections.find((s) => s.name === name)!);
  const random = createRandom(20_231_428);

  const issueCount = totalItems / ITEMS_PER_ISSUE;
  const calendar = issueCalendar(issueCount);
  const importedCount = Math.max(0, issueCount - NATIVE_ISSUES);
  const author = users[0]!;
  for (const [index, slot] of calendar.entries()) {
    const isImported = index < importedCount;
    const planned: { section: (typeof sections)[number]; item: GeneratedItem }[] = [];
    const leadCount = random.int(1, 2);
    for (let k = 0; k < ITEMS_PER_ISSUE; k++) {
      const section = k < leadCount ? lead : regular[Math.min(2, Math.floor(((k - leadCount) * 3) / (ITEMS_PER_ISSUE - leadCount)))]!;
      planned.push({ section, item: generateItem(random, slot.date, section === lead) });
    }
    const printSections: PrintSection[] = [];
    for (const { section, item } of planned) {
      let printed = printSections.find((s) => s.name === section.name);
      if (!printed) printSections.push((printed = { name: section.name, isLead: section === lead, columns: [{ name: null, items: [] }] }));
      printed.columns[0]!.items.push({ title: item.title, subtitle: null, body: toBody(item.paragraphs), sources: item.sources });
    }
    const print: PrintIssue = {
      publicationName: '科协每周动态',
      publisher: '北京市科协办公室',
      year: slot.year,
      yearNumber: slot.yearNumber,
      totalNumber: slot.totalNumber,
      issueDate: fromDbDate(slot.date),
      contentsLines: [...planned.filter((p) => p.section === lead).map((p) => p.item.title), ...SECTION_NAMES],
      contentsOnOwnPage: false,
      sections: printSections,
      editorName: '张红波',
      reviewerName: '李金涛',
      distribution: ['市科协驻会领导'],
    };
    await db.$transaction(async (tx) => {
      const issue = await tx.issue.create({
        data: {
          publicationId: lead.publicationId,
          issueDate: slot.date,
          year: slot.year,
          yearNumber: slot.yearNumber,
          totalNumber: slot.totalNumber,
          status: 'PUBLISHED',
          origin: isImported ? 'IMPORTED' : 'EDITED',
          contentsLines: print.contentsLines,
          createdById: author.id,
          approvedById: isImported ? null : author.id,
          approvedAt: isImported ? null : slot.date,
          publishedAt: slot.date,
          snapshot: toPrintSnapshot(print),
          importFileName: isImported ? `第${slot.totalNumber}期.docx` : null,
        },
      });
      if (!isImported) {
        const created = await tx.item.createManyAndReturn({
          data: planned.map(({ section, item }, position) => ({
            title: item.title,
            sectionId: section.id,
            sources: item.sources,
            body: toBody(item.paragraphs),
            bodyText: item.paragraphs.join('\n\n'),
            status: 'READY' as const,
            authorId: users[position % users.length]!.id,
            issueId: issue.id,
            issuePosition: position,
            // Written in the week of the issue, as real ones were.
            createdAt: slot.date,
            updatedAt: slot.date,
          })),
        });
        await tx.itemVersion.createMany({
          data: created.map((item) => ({
            itemId: item.id,
            version: 1,
            title: item.title,
            sectionId: item.sectionId,
            sources: item.sources,
            body: item.body as never,
            bodyText: item.bodyText,
            status: item.status,
            editorId: item.authorId,
          })),
        });
      }
      const types = isImported ? (['IMPORTED'] as const) : (['CREATED', 'SUBMITTED', 'APPROVED', 'PUBLISHED'] as const);
      await tx.issueEvent.createMany({ data: types.map((type) => ({ issueId: issue.id, type, actorId: author.id, createdAt: slot.date })) });
      await indexPublishedIssue(tx, issue.id, print);
    });
  }

  // The week's work: drafts and ready items, and the next issue being assembled.
  const now = new Date();
  const working = Array.from({ length: 150 }, (_, i) => ({ i, item: generateItem(random, now, i % 10 === 0) }));
  const loose = await db.item.createManyAndReturn({
    data: working.map(({ i, item }) => ({
      title: item.title,
      sectionId: (i % 10 === 0 ? lead : regular[i % 3]!).id,
      sources: item.sources,
      body: toBody(item.paragraphs),
      bodyText: item.paragraphs.join('\n\n'),
      status: i < 30 ? ('READY' as const) : ('DRAFT' as const),
      authorId: users[i % users.length]!.id,
    })),
  });
  await db.itemVersion.createMany({
    data: loose.map((item) => ({ itemId: item.id, version: 1, title: item.title, sectionId: item.sectionId, sources: item.sources, body: item.body as never, bodyText: item.bodyText, status: item.status, editorId: item.authorId })),
  });
  const current = { id: author.id, username: author.username, displayName: author.displayName, roles: author.roles };
  const assembling = await createIssue({ issueDate: '2026-01-09' }, current);
  await addItemsToIssue({ id: assembling.id, itemIds: loose.filter((i) => i.status === 'READY').slice(0, ITEMS_PER_ISSUE).map((i) => i.id) });
  await db.$executeRawUnsafe('ANALYZE');
  const published = await db.issue.findMany({ where: { status: 'PUBLISHED' }, select: { id: true }, orderBy: { id: 'asc' } });
  const years = [...new Set(calendar.map((c) => c.year))];
  const result = {
    assemblingId: assembling.id,
    draftIds: loose.filter((i) => i.status === 'DRAFT').map((i) => i.id),
    publishedIds: published.map((p) => p.id),
    years,
    archiveItems: await db.archiveItem.count(),
    seconds: (performance.now() - started) / 1000,
  };
  return { ...result, db };
}

