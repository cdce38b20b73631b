import 'server-only';
import type { CurrentUser } from '@/lib/auth';
import type { Prisma } from '@/lib/db';
import { notify, usersWithRoles } from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import { listSuggestions } from '@/lib/suggestions';
import type { ItemBody } from '@/lib/validations/item-body';

type Tx = Prisma.TransactionClient;

/** One editing session: the span in which autosaves extend one history entry (lib/data/items.ts). */
const SESSION_MS = 10 * 60 * 1000;

/**
 * Checks the 修订 an item save brings: a new suggestion carries the name of who saves it, and
 * a suggestion already there keeps its author (nobody signs a 修订 in someone else's name).
 * Returns whether the save adds suggestions.
 */
export function checkSuggestionEdit(previous: ItemBody, next: ItemBody, user: Pick<CurrentUser, 'displayName'>): boolean {
  const before = new Map(listSuggestions(previous).map((s) => [String(s.id), s.author]));
  let isAdding = false;
  for (const suggestion of listSuggestions(next)) {
    const author = before.get(String(suggestion.id));
    if (author === undefined) {
      if (suggestion.author !== user.displayName) throw new AppError('INVALID_INPUT', '修订的作者必须是当前用户。', { body: ['修订的作者必须是当前用户'] });
      isAdding = true;
    } else if (author !== suggestion.author) {
      throw new AppError('INVALID_INPUT', '不能更改他人修订的作者。', { body: ['不能更改他人修订的作者'] });
    }
  }
  return isAdding;
}

/**
 * Tells the item's author and the editors that 修订 await them: once per editing session
 * (no second notice for the same item within SESSION_MS), not once per autosave.
 */
export async function notifySuggestionsAdded(tx: Tx, item: { id: number; title: string; authorId: number }, user: CurrentUser): Promise<void> {
  const href = `/items/${item.id}`;
  const recent = await tx.notification.findFirst({
    where: { kind: 'SUGGESTION_ADDED', href, createdAt: { gte: new Date(Date.now() - SESSION_MS) } },
    select: { id: true },
  });
  if (recent) return;
  const recipients = [item.authorId, ...(await usersWithRoles(tx, ['EDITOR']))];
  const title = `${user.displayName}对《${item.title.replace(/\n/g, '')}》提出了修订`;
  await notify(tx, recipients, { kind: 'SUGGESTION_ADDED', title, href }, { exceptUserId: user.id });
}
