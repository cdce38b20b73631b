// 约稿: an editor asks some units for information on a topic by a deadline. The units' 信息员
// see it among their open requests and answer with a submission (Submission.requestId); the
// request lists who answered and who is late. Once a deadline has passed with units still
// silent, the editors are told once (overdueNotifiedAt is set in the same statement that
// claims the notice, so two page loads at once cannot both send it).
import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import { db, type Prisma } from '@/lib/db';
import { usersWithRoles } from '@/lib/data/notifications';
import { getReporterUnit, INTAKE_ROLES, unitReporterIds, withNotifications } from '@/lib/data/submissions';
import { fromDbDate, getBeijingIsoDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import type { CreateRequestInput } from '@/lib/validations/submissions';

export async function createSubmissionRequest(input: CreateRequestInput, user: CurrentUser): Promise<{ id: number }> {
  if (input.deadline < getBeijingIsoDate()) {
    throw new AppError('INVALID_INPUT', '截止日期不能早于今天。', { deadline: ['截止日期不能早于今天'] });
  }
  return withNotifications(async (tx, announce) => {
    const units = await tx.unit.findMany({ where: { id: { in: input.unitIds }, isActive: true }, select: { id: true } });
    if (units.length !== input.unitIds.length) {
      throw new AppError('INVALID_INPUT', '所选单位不存在或已停用。', { unitIds: ['所选单位不存在或已停用'] });
    }
    const request = await tx.submissionRequest.create({
      data: {
        topic: input.topic,
        details: input.details,
        deadline: toDbDate(input.deadline),
        createdById: user.id,
        units: { create: input.unitIds.map((unitId) => ({ unitId })) },
      },
      select: { id: true },
    });
    await announce(tx, await unitReporterIds(tx, input.unitIds), {
      kind: 'REQUEST_SENT',
      title: `约稿：${input.topic}（${input.deadline}前报送）`,
      href: `/submissions/new?request=${request.id}`,
    });
    return request;
  });
}

export interface RequestUnitState {
  id: number;
  name: string;
  answered: number;
  isLate: boolean;
}

/** Every request, newest first, with each unit's answers and whether it is late. */
/** The requests the 约稿 list and the 来稿 filter show: the latest hundred by deadline. */
const LATEST_REQUESTS = { orderBy: [{ deadline: 'desc' }, { id: 'desc' }], take: 100 } satisfies Prisma.SubmissionRequestFindManyArgs;

export async function listSubmissionRequests(today = getBeijingIsoDate()) {
  const requests = await db.submissionRequest.findMany({
    ...LATEST_REQUESTS,
    select: {
      id: true,
      topic: true,
      details: true,
      deadline: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
      units: { select: { unit: { select: { id: true, name: true } } } },
      submissions: { select: { unitId: true } },
    },
  });
  return requests.map((request) => {
    const deadline = fromDbDate(request.deadline);
    const units: RequestUnitState[] = request.units
      .map(({ unit }) => {
        const answered = request.submissions.filter((s) => s.unitId === unit.id).length;
        return { id: unit.id, name: unit.name, answered, isLate: answered === 0 && deadline < today };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { id: request.id, topic: request.topic, details: request.details, deadline, createdBy: request.createdBy.displayName, units };
  });
}

/** The latest requests' topics, for the 来稿 list's 约稿 filter (none of the answers' detail). */
export function listSubmissionRequestOptions() {
  return db.submissionRequest.findMany({ ...LATEST_REQUESTS, select: { id: true, topic: true } });
}

/** The requests sent to the 信息员's unit that it has not answered yet (their 待办). */
export async function listOpenRequestsForReporter(user: CurrentUser, today = getBeijingIsoDate()) {
  const unit = await getReporterUnit(user);
  const rows = await db.submissionRequest.findMany({
    where: { units: { some: { unitId: unit.id } }, submissions: { none: { unitId: unit.id } } },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    take: 50,
    select: { id: true, topic: true, details: true, deadline: true },
  });
  return rows.map((row) => {
    const deadline = fromDbDate(row.deadline);
    return { ...row, deadline, isLate: deadline < today };
  });
}

/** A request this 信息员's unit was asked (for the submission form); null for any other. */
export async function getRequestForReporter(id: number, user: CurrentUser) {
  const unit = await getReporterUnit(user);
  const row = await db.submissionRequest.findFirst({
    where: { id, units: { some: { unitId: unit.id } } },
    select: { id: true, topic: true, details: true, deadline: true },
  });
  return row ? { ...row, deadline: fromDbDate(row.deadline) } : null;
}

/**
 * Tells the editors once about each request whose deadline has passed while some unit has not
 * answered. Cheap enough to call on page loads (one indexed query when nothing is due).
 */
export async function notifyOverdueRequests(today = getBeijingIsoDate()): Promise<number> {
  const due = await db.submissionRequest.findMany({
    where: { overdueNotifiedAt: null, deadline: { lt: toDbDate(today) } },
    select: { id: true, topic: true, units: { select: { unitId: true } }, submissions: { select: { unitId: true } } },
  });
  let sent = 0;
  for (const request of due) {
    const answered = new Set(request.submissions.map((s) => s.unitId));
    const late = request.units.filter((u) => !answered.has(u.unitId)).length;
    await withNotifications(async (tx, announce) => {
      const { count } = await tx.submissionRequest.updateMany({ where: { id: request.id, overdueNotifiedAt: null }, data: { overdueNotifiedAt: new Date() } });
      if (count === 0 || late === 0) return;
      await announce(tx, await usersWithRoles(tx, INTAKE_ROLES), {
        kind: 'REQUEST_OVERDUE',
        title: `约稿“${request.topic}”已过截止日期，${late}个单位未报送`,
        href: `/intake/requests#request-${request.id}`,
      });
      sent += 1;
    });
  }
  return sent;
}
