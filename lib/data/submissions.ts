// 信息报送: a 信息员 sends a submission for their unit; an editor adopts it (采用: an item of its
// own), merges several into one item (综合采用), returns it for revision (退回修改) or declines it
// (不采用). Every query a 信息员 makes is bound to their own unit, read from the database, never
// from the request. Every decision is one transaction whose write carries the version the editor
// saw: of two editors deciding at once, one gets a CONFLICT and nothing of theirs is written.
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db, Prisma } from '@/lib/db';
import { insertItem } from '@/lib/data/items';
import { notify, usersWithRoles, type NotificationInput } from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import { duplicateProbes, DUPLICATE_THRESHOLD, textSimilarity } from '@/lib/intake/similarity';
import { likePattern, termGrams } from '@/lib/archive/normalize';
import { sendNotificationMails, type PendingMail } from '@/lib/mail';
import { getBodyText, ZItemBody, type ItemBody } from '@/lib/validations/item-body';
import {
  INTAKE_PAGE_SIZE,
  type IntakeFilters,
  type SubmissionFields,
  type SubmissionStatus,
} from '@/lib/validations/submissions';

type Tx = Prisma.TransactionClient;

/** Who hears of a new submission and decides it. */
export const INTAKE_ROLES = ['EDITOR'] as const;

/** The unit a 信息员 reports for; an account without one may not report. */
export async function getReporterUnit(user: Pick<CurrentUser, 'id' | 'roles'>): Promise<{ id: number; name: string }> {
  if (!user.roles.includes('REPORTER')) throw new AppError('FORBIDDEN');
  const row = await db.user.findUnique({ where: { id: user.id }, select: { unit: { select: { id: true, name: true } } } });
  if (!row?.unit) throw new AppError('FORBIDDEN', '您的账号尚未绑定报送单位，请联系管理员。');
  return row.unit;
}

/** The enabled 信息员 accounts of these units: who hears of decisions and 约稿. */
export async function unitReporterIds(tx: Tx | typeof db, unitIds: readonly number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const users = await tx.user.findMany({
    where: { unitId: { in: [...unitIds] }, isDisabled: false, roles: { has: 'REPORTER' } },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

type Announce = (tx: Tx, userIds: number[], n: NotificationInput, exceptUserId?: number) => Promise<void>;

/** Announces in the transaction (the in-app notices) and keeps the mails in `pending`, to be sent once it committed. */
function announceInto(pending: PendingMail[]): Announce {
  return async (tx, userIds, notification, exceptUserId) => {
    const recipients = userIds.filter((id) => id !== exceptUserId);
    await notify(tx, recipients, notification);
    pending.push({ userIds: recipients, notification });
  };
}

/** Runs a transaction that announces things, then mails what it announced once it committed. */
export async function withNotifications<T>(work: (tx: Tx, announce: Announce) => Promise<T>): Promise<T> {
  const pending: PendingMail[] = [];
  const result = await db.$transaction((tx) => work(tx, announceInto(pending)));
  await sendNotificationMails(pending);
  return result;
}

function toRow(fields: SubmissionFields) {
  return {
    title: fields.title,
    body: fields.body,
    bodyText: getBodyText(fields.body),
    writer: fields.writer,
    writerPhone: fields.writerPhone,
    signedOffBy: fields.signedOffBy,
    fileName: fields.fileName,
  };
}

/** A 约稿 answered must have been sent to this unit. */
async function assertRequestForUnit(tx: Tx, requestId: number | null, unitId: number): Promise<void> {
  if (requestId === null) return;
  const link = await tx.submissionRequestUnit.findUnique({ where: { requestId_unitId: { requestId, unitId } }, select: { unitId: true } });
  if (!link) throw new AppError('INVALID_INPUT', '该约稿不是发给本单位的。', { requestId: ['该约稿不是发给本单位的'] });
}

export async function createSubmission(fields: SubmissionFields, user: CurrentUser): Promise<{ id: number }> {
  const unit = await getReporterUnit(user);
  return withNotifications(async (tx, announce) => {
    await assertRequestForUnit(tx, fields.requestId, unit.id);
    const created = await tx.submission.create({
      data: { ...toRow(fields), requestId: fields.requestId, unitId: unit.id, authorId: user.id },
      select: { id: true },
    });
    await announce(tx, await usersWithRoles(tx, INTAKE_ROLES), {
      kind: 'SUBMISSION_RECEIVED',
      title: `新来稿：${unit.name}《${oneLine(fields.title)}》`,
      href: `/intake/${created.id}`,
    }, user.id);
    return created;
  });
}

/** A returned submission, revised and sent again: back to 已报送. */
export async function reviseSubmission(input: SubmissionFields & { id: number; version: number }, user: CurrentUser): Promise<{ version: number }> {
  const unit = await getReporterUnit(user);
  return withNotifications(async (tx, announce) => {
    const current = await tx.submission.findFirst({ where: { id: input.id, unitId: unit.id }, select: { status: true, version: true } });
    if (!current) throw new AppError('NOT_FOUND', '来稿不存在。');
    if (current.status !== 'RETURNED') throw new AppError('LOCKED', '只有退回修改的来稿可以修改后重新报送。');
    await assertRequestForUnit(tx, input.requestId, unit.id);
    const { count } = await tx.submission.updateMany({
      where: { id: input.id, unitId: unit.id, status: 'RETURNED', version: input.version },
      data: { ...toRow(input), requestId: input.requestId, status: 'SUBMITTED', version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', '来稿已在别处修改，请刷新后再试。');
    await announce(tx, await usersWithRoles(tx, INTAKE_ROLES), {
      kind: 'SUBMISSION_RECEIVED',
      title: `来稿已修改重报：${unit.name}《${oneLine(input.title)}》`,
      href: `/intake/${input.id}`,
    }, user.id);
    return { version: input.version + 1 };
  });
}

function oneLine(title: string): string {
  return title.replace(/\n/g, '');
}

// ---------------------------------------------------------------------------------------
// What a unit sees

const issueLabelSelect = { status: true, year: true, yearNumber: true } as const;

/** 已采用（刊于2023年第21期）once the item is in an issue; the reason with 退回修改 and 未采用. */
export function describeSubmissionState(submission: {
  status: SubmissionStatus;
  item: { issue: { year: number; yearNumber: number } | null } | null;
}): string {
  const issue = submission.item?.issue;
  const placed = issue ? `（刊于${issue.year}年第${issue.yearNumber}期）` : '';
  switch (submission.status) {
    case 'ADOPTED':
      return `已采用${placed}`;
    case 'MERGED':
      return `综合采用${placed}`;
    case 'RETURNED':
      return '退回修改';
    case 'DECLINED':
      return '未采用';
    default:
      return '已报送';
  }
}

export async function listUnitSubmissions(user: CurrentUser) {
  const unit = await getReporterUnit(user);
  const rows = await db.submission.findMany({
    where: { unitId: unit.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      reason: true,
      createdAt: true,
      updatedAt: true,
      request: { select: { topic: true } },
      item: { select: { issue: { select: issueLabelSelect } } },
    },
  });
  return { unit, submissions: rows.map((row) => ({ ...row, state: describeSubmissionState(row) })) };
}

/** One of the unit's own submissions (another unit's is "not found", never "forbidden"). */
export async function getUnitSubmission(id: number, user: CurrentUser) {
  const unit = await getReporterUnit(user);
  const row = await db.submission.findFirst({
    where: { id, unitId: unit.id },
    select: {
      id: true,
      title: true,
      body: true,
      writer: true,
      writerPhone: true,
      signedOffBy: true,
      fileName: true,
      requestId: true,
      status: true,
      reason: true,
      version: true,
      createdAt: true,
      decidedAt: true,
      request: { select: { topic: true } },
      item: { select: { issue: { select: issueLabelSelect } } },
    },
  });
  if (!row) return null;
  return { ...row, unit, body: ZItemBody.parse(row.body), state: describeSubmissionState(row) };
}

// ---------------------------------------------------------------------------------------
// 来稿 for editors

function buildIntakeWhere(filters: IntakeFilters): Prisma.SubmissionWhereInput {
  const where: Prisma.SubmissionWhereInput = {};
  const status = filters.status ?? 'SUBMITTED';
  if (status !== 'ALL') where.status = status;
  if (filters.unitId) where.unitId = filters.unitId;
  if (filters.requestId) where.requestId = filters.requestId;
  if (filters.q) where.title = { contains: filters.q, mode: 'insensitive' };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+08:00`) } : {}),
      ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}),
    };
  }
  return where;
}

/** One page of 来稿, newest first, and how many match. */
export async function listIntake(filters: IntakeFilters) {
  const where = buildIntakeWhere(filters);
  const total = await db.submission.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / INTAKE_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db.submission.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * INTAKE_PAGE_SIZE,
    take: INTAKE_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      createdAt: true,
      fileName: true,
      unit: { select: { id: true, name: true } },
      request: { select: { id: true, topic: true } },
      item: { select: { id: true, issue: { select: issueLabelSelect } } },
    },
  });
  return { total, page, pageCount, submissions: rows.map((row) => ({ ...row, state: describeSubmissionState(row) })) };
}

export function listIntakeUnits() {
  return db.unit.findMany({ where: { isActive: true }, select: { id: true, name: true, kind: true }, orderBy: [{ kind: 'asc' }, { name: 'asc' }] });
}

export async function getIntakeSubmission(id: number) {
  const row = await db.submission.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      body: true,
      bodyText: true,
      writer: true,
      writerPhone: true,
      signedOffBy: true,
      fileName: true,
      status: true,
      reason: true,
      version: true,
      createdAt: true,
      decidedAt: true,
      decidedBy: { select: { displayName: true } },
      unit: { select: { id: true, name: true } },
      author: { select: { displayName: true } },
      request: { select: { id: true, topic: true } },
      item: { select: { id: true, title: true, issue: { select: issueLabelSelect } } },
    },
  });
  if (!row) return null;
  return { ...row, body: ZItemBody.parse(row.body), state: describeSubmissionState(row) };
}

export interface DuplicateCandidate {
  kind: 'submission' | 'archive';
  id: number;
  title: string;
  unit: string;
  similarity: number;
  /** Where an editor opens it. */
  href: string;
  date: Date;
}

const DUPLICATE_WINDOW_DAYS = 365;

/**
 * Likely duplicates of a submission: other submissions of the year around it, and printed
 * items in the archive, that hold one of its probes verbatim (the archive through its
 * character-pair index) and share most of its character pairs.
 */
export async function findLikelyDuplicates(submission: { id: number; bodyText: string; createdAt: Date }): Promise<DuplicateCandidate[]> {
  const probes = duplicateProbes(submission.bodyText);
  if (!probes.length) return [];
  const windowMs = DUPLICATE_WINDOW_DAYS * 86_400_000;
  const since = new Date(submission.createdAt.getTime() - windowMs);
  const until = new Date(submission.createdAt.getTime() + windowMs);
  const normalizedBody = Prisma.sql`lower(regexp_replace(normalize("bodyText", NFKC), '\\s+', '', 'g'))`;
  const probeConditions = Prisma.join(
    probes.map((probe) => Prisma.sql`${normalizedBody} LIKE ${likePattern(probe)}`),
    ' OR ',
  );
  const submissions = await db.$queryRaw<{ id: number; title: string; unit: string; bodyText: string; createdAt: Date }[]>`
    SELECT s."id", s."title", u."name" AS "unit", s."bodyText", s."createdAt"
    FROM "Submission" s JOIN "Unit" u ON u."id" = s."unitId"
    WHERE s."id" <> ${submission.id} AND s."createdAt" BETWEEN ${since} AND ${until} AND (${probeConditions})
    ORDER BY s."createdAt" DESC LIMIT 20`;
  const archive = await db.$queryRaw<{ issueId: number; position: number; title: string; sources: string[]; bodyText: string; issueDate: Date }[]>`
    SELECT a."issueId", a."position", a."title", a."sources", a."bodyText", i."issueDate"
    FROM "ArchiveItem" a JOIN "Issue" i ON i."id" = a."issueId"
    WHERE ${Prisma.join(
      probes.map((probe) => Prisma.sql`(archive_search_grams(a."searchText") @> ${termGrams([probe])}::text[] AND a."searchText" LIKE ${likePattern(probe)})`),
      ' OR ',
    )}
    LIMIT 20`;
  const candidates: DuplicateCandidate[] = [
    ...submissions.map((row) => ({
      kind: 'submission' as const,
      id: row.id,
      title: row.title,
      unit: row.unit,
      similarity: textSimilarity(submission.bodyText, row.bodyText),
      href: `/intake/${row.id}`,
      date: row.createdAt,
    })),
    ...archive.map((row) => ({
      kind: 'archive' as const,
      id: row.issueId,
      title: row.title,
      unit: row.sources.join('、'),
      similarity: textSimilarity(submission.bodyText, row.bodyText),
      href: `/published/${row.issueId}`,
      date: row.issueDate,
    })),
  ];
  return candidates.filter((c) => c.similarity >= DUPLICATE_THRESHOLD).sort((a, b) => b.similarity - a.similarity);
}

/**
 * Which of these submissions have a likely twin among the submissions of the year around them
 * (the list's 疑似重复 flag): the same text start (60 characters without white space). One
 * index probe per submission; the detail page runs the full comparison (findLikelyDuplicates).
 */
export async function flagLikelyDuplicates(ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  // The same expression as the index "Submission_bodyStart_createdAt_idx" (its migration).
  const start = (alias: string) => Prisma.sql`left(regexp_replace(left(${Prisma.raw(`${alias}."bodyText"`)}, 120), '\\s+', '', 'g'), 60)`;
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT p."id" FROM "Submission" p
    WHERE p."id" = ANY(${[...ids]}::int[]) AND ${start('p')} <> ''
      AND EXISTS (
        SELECT 1 FROM "Submission" o
        WHERE ${start('o')} = ${start('p')} AND o."id" <> p."id"
          AND o."createdAt" BETWEEN p."createdAt" - interval '365 days' AND p."createdAt" + interval '365 days'
      )`;
  return new Set(rows.map((row) => row.id));
}

// ---------------------------------------------------------------------------------------
// Decisions

const decisionSelect = { id: true, title: true, status: true, version: true, body: true, unitId: true, unit: { select: { name: true } } } as const;

async function loadForDecision(tx: Tx, id: number) {
  const row = await tx.submission.findUnique({ where: { id }, select: decisionSelect });
  if (!row) throw new AppError('NOT_FOUND', '来稿不存在。');
  if (row.status !== 'SUBMITTED') throw new AppError('CONFLICT', `这篇来稿已处理（${describeSubmissionState({ status: row.status, item: null })}），请刷新。`);
  return row;
}

/** The decision's write: only from the state and version the editor saw. */
async function markDecided(
  tx: Tx,
  target: { id: number; version: number },
  data: { status: SubmissionStatus; reason?: string | null; itemId?: number | null },
  user: CurrentUser,
): Promise<void> {
  const { count } = await tx.submission.updateMany({
    where: { id: target.id, version: target.version, status: 'SUBMITTED' },
    data: { ...data, decidedById: user.id, decidedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw new AppError('CONFLICT', '这篇来稿已被其他编辑处理或已修改，请刷新后再试。');
}

/** 采用: an item of its own, in the chosen section, with the unit as its source. */
export async function adoptSubmission(input: { id: number; version: number; sectionId: number }, user: CurrentUser): Promise<{ itemId: number }> {
  return withNotifications(async (tx, announce) => {
    const submission = await loadForDecision(tx, input.id);
    const item = await insertItem(
      tx,
      {
        title: submission.title,
        subtitle: null,
        sectionId: input.sectionId,
        columnId: null,
        sources: [submission.unit.name],
        body: ZItemBody.parse(submission.body),
        eventDate: null,
        status: 'READY',
      },
      user.id,
    );
    await markDecided(tx, input, { status: 'ADOPTED', itemId: item.id, reason: null }, user);
    await announce(tx, await unitReporterIds(tx, [submission.unitId]), {
      kind: 'SUBMISSION_ADOPTED',
      title: `来稿《${oneLine(submission.title)}》已采用`,
      href: `/submissions/${submission.id}`,
    });
    return { itemId: item.id };
  });
}

/** 综合采用: one item of the submissions' paragraphs, in the order chosen, every unit a source. */
export async function mergeSubmissions(
  input: { submissions: { id: number; version: number }[]; title: string; sectionId: number },
  user: CurrentUser,
): Promise<{ itemId: number }> {
  return withNotifications(async (tx, announce) => {
    const chosen = [];
    for (const target of input.submissions) chosen.push(await loadForDecision(tx, target.id));
    const body: ItemBody = { type: 'doc', content: chosen.flatMap((s) => ZItemBody.parse(s.body).content) };
    const sources = [...new Set(chosen.map((s) => s.unit.name))];
    const item = await insertItem(
      tx,
      { title: input.title, subtitle: null, sectionId: input.sectionId, columnId: null, sources: sources.slice(0, 10), body, eventDate: null, status: 'READY' },
      user.id,
    );
    for (const target of input.submissions) await markDecided(tx, target, { status: 'MERGED', itemId: item.id, reason: null }, user);
    for (const submission of chosen) {
      await announce(tx, await unitReporterIds(tx, [submission.unitId]), {
        kind: 'SUBMISSION_ADOPTED',
        title: `来稿《${oneLine(submission.title)}》已综合采用`,
        href: `/submissions/${submission.id}`,
      });
    }
    return { itemId: item.id };
  });
}

/** 退回修改 (the unit may revise and send again) or 不采用, with the reason the unit reads. */
export async function rejectSubmission(
  input: { id: number; version: number; reason: string },
  outcome: 'RETURNED' | 'DECLINED',
  user: CurrentUser,
): Promise<void> {
  await withNotifications(async (tx, announce) => {
    const submission = await loadForDecision(tx, input.id);
    await markDecided(tx, input, { status: outcome, reason: input.reason, itemId: null }, user);
    await announce(tx, await unitReporterIds(tx, [submission.unitId]), {
      kind: outcome === 'RETURNED' ? 'SUBMISSION_RETURNED' : 'SUBMISSION_DECLINED',
      title: `来稿《${oneLine(submission.title)}》${outcome === 'RETURNED' ? '退回修改' : '未采用'}：${input.reason.slice(0, 40)}`,
      href: `/submissions/${submission.id}`,
    });
  });
}

/**
 * When an issue is published, the units whose submissions it prints hear in which issue
 * (已采用（刊于2023年第21期）). Called inside the publishing transaction; returns the mails to
 * send once it has committed (sendNotificationMails).
 */
export async function notifySubmissionsPublished(tx: Tx, issueId: number): Promise<PendingMail[]> {
  const rows = await tx.submission.findMany({
    where: { item: { issueId }, status: { in: ['ADOPTED', 'MERGED'] } },
    select: { id: true, title: true, unitId: true, item: { select: { issue: { select: { year: true, yearNumber: true } } } } },
  });
  const pending: PendingMail[] = [];
  const announce = announceInto(pending);
  for (const row of rows) {
    const issue = row.item?.issue;
    if (!issue) continue;
    await announce(tx, await unitReporterIds(tx, [row.unitId]), {
      kind: 'SUBMISSION_ADOPTED',
      title: `来稿《${oneLine(row.title)}》刊于${issue.year}年第${issue.yearNumber}期`,
      href: `/submissions/${row.id}`,
    });
  }
  return pending;
}

/** The submissions an item was made from (采用 / 综合采用), for the item page. */
export function listItemSubmissions(itemId: number) {
  return db.submission.findMany({
    where: { itemId },
    orderBy: { id: 'asc' },
    select: { id: true, title: true, unit: { select: { name: true } } },
  });
}
