import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth';
import type { ZDeleteLeaderInstruction, ZRecordLeaderInstruction } from '@/lib/validations/units';

// 领导批示 on printed items: recorded by an editor from the published issue page, credited in
// 采用统计 (lib/data/unit-adoption.ts) to the units the item came from.

export interface LeaderInstructionRecord {
  id: number;
  position: number;
  leader: string;
  date: string;
  text: string;
  recordedBy: string;
}

export async function listLeaderInstructions(issueId: number): Promise<LeaderInstructionRecord[]> {
  const rows = await db.leaderInstruction.findMany({
    where: { issueId },
    orderBy: [{ position: 'asc' }, { date: 'asc' }, { id: 'asc' }],
    include: { recordedBy: { select: { displayName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    leader: row.leader,
    date: fromDbDate(row.date),
    text: row.text,
    recordedBy: row.recordedBy.displayName,
  }));
}

export async function recordLeaderInstruction(input: z.output<typeof ZRecordLeaderInstruction>, user: CurrentUser): Promise<{ id: number }> {
  const issue = await db.issue.findUnique({ where: { id: input.issueId }, select: { status: true, issueDate: true } });
  if (!issue) throw new AppError('NOT_FOUND', '该期不存在。');
  if (issue.status !== 'PUBLISHED') throw new AppError('CONFLICT', '只能为已发布期次的稿件记录领导批示。');
  const item = await db.archiveItem.findUnique({ where: { issueId_position: { issueId: input.issueId, position: input.position } }, select: { id: true } });
  if (!item) throw new AppError('NOT_FOUND', '该期没有这篇稿件。');
  if (input.date < fromDbDate(issue.issueDate)) throw new AppError('INVALID_INPUT', '批示日期不能早于该期的出刊日期。', { date: ['批示日期不能早于该期的出刊日期'] });
  return db.leaderInstruction.create({
    data: { issueId: input.issueId, position: input.position, leader: input.leader, date: toDbDate(input.date), text: input.text, recordedById: user.id },
    select: { id: true },
  });
}

export async function deleteLeaderInstruction(input: z.output<typeof ZDeleteLeaderInstruction>): Promise<{ issueId: number }> {
  const row = await db.leaderInstruction.findUnique({ where: { id: input.id }, select: { issueId: true } });
  if (!row) throw new AppError('NOT_FOUND', '该批示不存在或已删除。');
  await db.leaderInstruction.delete({ where: { id: input.id } });
  return row;
}

/** The printed items of an issue a 批示 can be on, in print order (titles on one line). */
export async function listInstructionTargets(issueId: number): Promise<{ position: number; title: string }[]> {
  const items = await db.archiveItem.findMany({ where: { issueId }, orderBy: { position: 'asc' }, select: { position: true, title: true } });
  return items.map((item) => ({ position: item.position, title: item.title.replace(/\n/g, '') }));
}
