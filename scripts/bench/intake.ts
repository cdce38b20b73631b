// Units and submissions for the load benchmark (and the 来稿 list's): a catalogue of 200 units
// whose names are the archive's printed sources, and 50,000 submissions over the archive's ten
// years — adopted ones (单独 and 综合) tied to items of published issues, 约稿 answers and 领导批示.
// Deterministic (seeded); run after generateArchive on the same database.
import { performance } from 'node:perf_hooks';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createRandom, generateItem, type GeneratedItem } from './corpus';

const KINDS = [
  ['DISTRICT', 16],
  ['SOCIETY', 150],
  ['AFFILIATE', 24],
  ['DEPARTMENT', 10],
] as const;

export interface IntakeData {
  unitIds: number[];
  submissions: number;
  adopted: number;
  instructions: number;
  /** Years with submissions, for the pages' filters. */
  years: number[];
  seconds: number;
}

export async function generateIntake(db: PrismaClient, options: { units?: number; submissions?: number } = {}): Promise<IntakeData> {
  const started = performance.now();
  const unitCount = options.units ?? 200;
  const total = options.submissions ?? 50_000;
  const random = createRandom(16_2023);

  // A database kept from an earlier run (bench:load --keep-data) has them already.
  const kept = await db.submission.count();
  if (kept) {
    const unitIds = (await db.unit.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
    const years = await db.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM "createdAt")::int AS year FROM "Submission" ORDER BY 1`;
    return {
      unitIds,
      submissions: kept,
      adopted: await db.submission.count({ where: { itemId: { not: null } } }),
      instructions: await db.leaderInstruction.count(),
      years: years.map((row) => row.year),
      seconds: (performance.now() - started) / 1000,
    };
  }

  // Unit names: the archive's most printed sources first (so 采用统计 matches the archive), then made-up ones.
  const printed = await db.$queryRaw<{ name: string }[]>`
    SELECT u.name FROM "ArchiveItem" a CROSS JOIN LATERAL unnest(a."sourceUnits") AS u(name) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${unitCount}`;
  const names = printed.map((row) => row.name);
  for (let i = names.length; i < unitCount; i++) names.push(`压测学会${i}`);
  const kinds = KINDS.flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  await db.unit.createMany({
    data: names.map((name, i) => ({ name, kind: kinds[i % kinds.length]!, shortNames: [], aliases: [], isActive: i % 50 !== 49 })),
    skipDuplicates: true,
  });
  const units = await db.unit.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const unitIds = units.map((u) => u.id);
  const author = await db.user.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } });

  // Items of published issues, with their dates: what adopted submissions point to.
  const items = await db.$queryRaw<{ id: number; issueDate: Date }[]>`
    SELECT it."id", i."issueDate" FROM "Item" it JOIN "Issue" i ON i."id" = it."issueId" WHERE i."status" = 'PUBLISHED' ORDER BY it."id"`;
  const last = items.length ? Math.max(...items.map((i) => i.issueDate.getTime())) : Date.UTC(2025, 11, 26);
  const first = last - 10 * 365 * 86_400_000;

  const requests = await db.submissionRequest.createManyAndReturn({
    data: Array.from({ length: 100 }, (_, i) => ({
      topic: `约稿${i}`,
      details: '请报送相关活动信息。',
      deadline: new Date(first + (i + 1) * 36 * 86_400_000),
      createdById: author.id,
    })),
    select: { id: true },
  });

  let adopted = 0;
  const rows = [];
  let previous: GeneratedItem | null = null;
  for (let n = 0; n < total; n++) {
    const unitId = random.pick(unitIds);
    const roll = random.next();
    const item = roll < 0.3 && items.length ? random.pick(items) : null;
    const createdAt = item ? new Date(item.issueDate.getTime() - random.int(2, 20) * 86_400_000) : new Date(first + random.next() * (last - first));
    if (item) adopted++;
    // Texts of their own, as units write them; one in fifty is sent again (the 疑似重复 the list flags).
    const text: GeneratedItem = previous && random.next() < 0.02 ? previous : generateItem(random, createdAt, false);
    previous = text;
    const body = { type: 'doc', content: text.paragraphs.map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })) };
    const status = item ? (roll < 0.2 ? 'ADOPTED' : 'MERGED') : roll < 0.5 ? 'DECLINED' : roll < 0.6 ? 'RETURNED' : 'SUBMITTED';
    rows.push({
      unitId,
      authorId: author.id,
      title: text.title,
      body,
      bodyText: text.paragraphs.join('\n'),
      writer: '执笔人',
      writerPhone: '13800000000',
      signedOffBy: '审签人',
      status,
      itemId: item?.id ?? null,
      requestId: item && random.next() < 0.1 ? random.pick(requests).id : null,
      reason: status === 'DECLINED' || status === 'RETURNED' ? '内容重复' : null,
      createdAt,
    } as const);
  }
  for (let i = 0; i < rows.length; i += 5000) await db.submission.createMany({ data: rows.slice(i, i + 5000) });

  // 领导批示 on 300 printed items of native issues.
  const targets = await db.$queryRaw<{ issueId: number; position: number; issueDate: Date }[]>`
    SELECT a."issueId", a."position", a."issueDate" FROM "ArchiveItem" a JOIN "Issue" i ON i."id" = a."issueId"
    WHERE i."origin" = 'EDITED' ORDER BY a."id" LIMIT 5000`;
  const chosen = Array.from({ length: Math.min(300, targets.length) }, () => random.pick(targets));
  await db.leaderInstruction.createMany({
    data: chosen.map((t) => ({ issueId: t.issueId, position: t.position, leader: '市科协领导', date: t.issueDate, text: '阅。', recordedById: author.id })),
  });
  await db.$executeRawUnsafe('ANALYZE "Submission", "Unit", "LeaderInstruction"');
  const years = [...new Set(rows.map((r) => r.createdAt.getUTCFullYear()))].sort();
  return { unitIds, submissions: rows.length, adopted, instructions: chosen.length, years, seconds: (performance.now() - started) / 1000 };
}
