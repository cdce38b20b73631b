import 'server-only';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth';
import type { PointRules } from '@/lib/units/points';
import type { ZCreatePointRuleSet } from '@/lib/validations/units';

// 采用统计 points (单独采用, 综合采用, 约稿采用, 领导批示): versions, each effective from a date.
// A version is never edited: a change of rules is a new version, so past quarters keep theirs.

export interface PointRuleSetRecord extends PointRules {
  id: number;
  createdAt: Date;
  createdBy: string;
}

export async function listPointRuleSets(client: Prisma.TransactionClient = db): Promise<PointRuleSetRecord[]> {
  const sets = await client.pointRuleSet.findMany({ orderBy: { effectiveFrom: 'desc' }, include: { createdBy: { select: { displayName: true } } } });
  return sets.map((set) => ({
    id: set.id,
    effectiveFrom: fromDbDate(set.effectiveFrom),
    singleAdoption: set.singleAdoption.toNumber(),
    mergedAdoption: set.mergedAdoption.toNumber(),
    requestBonus: set.requestBonus.toNumber(),
    instructionBonus: set.instructionBonus.toNumber(),
    createdAt: set.createdAt,
    createdBy: set.createdBy.displayName,
  }));
}

export async function createPointRuleSet(input: z.output<typeof ZCreatePointRuleSet>, user: CurrentUser): Promise<{ id: number }> {
  const effectiveFrom = toDbDate(input.effectiveFrom);
  return db.$transaction(async (tx) => {
    if (await tx.pointRuleSet.findUnique({ where: { effectiveFrom }, select: { id: true } })) {
      throw new AppError('DUPLICATE', '该生效日期已有一版分值规则，请选择其他日期。');
    }
    return tx.pointRuleSet.create({ data: { ...input, effectiveFrom, createdById: user.id }, select: { id: true } });
  });
}
