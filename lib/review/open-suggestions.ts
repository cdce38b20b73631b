import 'server-only';
import type { Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hasOpenSuggestions } from '@/lib/suggestions';
import { ZItemBody } from '@/lib/validations/item-body';

type Tx = Prisma.TransactionClient;

/** The titles of the issue's items that still hold an open 修订, in print order. */
export async function listItemsWithOpenSuggestions(tx: Tx, issueId: number): Promise<{ id: number; title: string }[]> {
  const items = await tx.item.findMany({
    where: { issueId },
    orderBy: [{ issuePosition: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, body: true },
  });
  return items.filter((item) => hasOpenSuggestions(ZItemBody.parse(item.body))).map(({ id, title }) => ({ id, title }));
}

/**
 * An issue is approved and published only without open 修订: each must be accepted or
 * rejected first. Called by approveIssue and publishIssue under the issue's lock.
 */
export async function assertNoOpenSuggestions(tx: Tx, issueId: number): Promise<void> {
  const items = await listItemsWithOpenSuggestions(tx, issueId);
  if (!items.length) return;
  const titles = items.map((item) => `《${item.title.replace(/\n/g, '')}》`).join('、');
  throw new AppError('CONFLICT', `以下稿件还有未处理的修订，请先逐条接受或拒绝：${titles}`);
}
