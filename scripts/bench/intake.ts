// Data for the load benchmark's 信息报送 pages: 200 units and 50,000 submissions over ten years
// (about 100 a week), written in one SQL statement each. Deterministic: the same rows every run.
// A few hundred of the newest are still 已报送 (the 来稿 list's default view); the rest are
// decided in the proportions an office sees (most adopted, some merged, returned or declined).
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const INTAKE_BENCH = { units: 200, submissions: 50_000, years: 10 } as const;

export async function generateIntake(
  db: PrismaClient,
  options: { units?: number; submissions?: number; years?: number; authorId: number },
): Promise<{ unitIds: number[]; submissions: number }> {
  const units = options.units ?? INTAKE_BENCH.units;
  const submissions = options.submissions ?? INTAKE_BENCH.submissions;
  const years = options.years ?? INTAKE_BENCH.years;
  const minutesApart = Math.floor((years * 365 * 24 * 60) / submissions);
  await db.$executeRaw`
    INSERT INTO "Unit" ("name", "shortNames", "aliases", "kind", "isActive", "updatedAt")
    SELECT CASE WHEN g <= 16 THEN '压测区科协' || g ELSE '压测学会' || g END, '{}', '{}',
           (CASE WHEN g <= 16 THEN 'DISTRICT' ELSE 'SOCIETY' END)::"UnitKind", true, now()
    FROM generate_series(1, ${units}::int) g
    ON CONFLICT ("name") DO NOTHING`;
  const unitIds = (await db.unit.findMany({ where: { name: { startsWith: '压测' } }, select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
  await db.$executeRaw`
    INSERT INTO "Submission" ("unitId", "authorId", "title", "body", "bodyText", "writer", "writerPhone", "signedOffBy", "status", "reason", "createdAt", "updatedAt")
    SELECT u.ids[1 + (g * 7919) % array_length(u.ids, 1)], ${options.authorId}::int,
           '压测来稿第' || g || '号：科普活动情况',
           jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content',
             jsonb_build_array(jsonb_build_object('type', 'text', 'text', '第' || g || '号来稿：本单位组织科技志愿者开展科普活动，参与群众' || (g % 900 + 100) || '人次。'))))),
           '第' || g || '号来稿：本单位组织科技志愿者开展科普活动，参与群众' || (g % 900 + 100) || '人次。',
           '张三', '010-12345678', '李四',
           (CASE WHEN g > ${submissions}::int - 300 THEN 'SUBMITTED'
                 WHEN g % 10 < 6 THEN 'ADOPTED' WHEN g % 10 < 7 THEN 'MERGED'
                 WHEN g % 10 < 8 THEN 'RETURNED' ELSE 'DECLINED' END)::"SubmissionStatus",
           CASE WHEN g > ${submissions}::int - 300 OR g % 10 < 7 THEN NULL ELSE '理由' END,
           now() - ((${submissions}::int - g) * ${minutesApart}::int) * interval '1 minute', now()
    FROM generate_series(1, ${submissions}::int) g, (SELECT array_agg("id" ORDER BY "id") AS ids FROM "Unit" WHERE "name" LIKE '压测%') u`;
  await db.$executeRaw`ANALYZE "Submission"`;
  return { unitIds, submissions };
}
