// 校对 data: the admin's glossary, the findings editors ignored, and an issue's open findings
// (the checks themselves are pure, in lib/proofread).
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth';
import { getEditRefusal } from '@/lib/data/items';
import { getBodyParagraphs } from '@/lib/item-body-text';
import { checkIssue } from '@/lib/proofread/check';
import type { GlossaryTerm, ItemFinding } from '@/lib/proofread/types';
import { ZItemBody } from '@/lib/validations/item-body';
import type { z } from 'zod';
import type { ZCreateGlossaryEntry } from '@/lib/validations/proofread';

export function listGlossaryEntries() {
  return db.glossaryEntry.findMany({ orderBy: [{ kind: 'asc' }, { term: 'asc' }] });
}

/** The glossary as the checker reads it (also sent to the editor). */
export async function getGlossaryTerms(): Promise<GlossaryTerm[]> {
  const entries = await listGlossaryEntries();
  return entries.map((e) => ({
    kind: e.kind,
    term: e.term,
    ...(e.title ? { title: e.title } : {}),
    ...(e.variants.length ? { variants: e.variants } : {}),
    ...(e.note ? { note: e.note } : {}),
  }));
}

export async function createGlossaryEntry(input: z.output<typeof ZCreateGlossaryEntry>): Promise<{ id: number }> {
  const exists = await db.glossaryEntry.findUnique({ where: { kind_term: { kind: input.kind, term: input.term } }, select: { id: true } });
  if (exists) throw new AppError('DUPLICATE', '术语表中已有该词条。');
  return db.glossaryEntry.create({
    data: {
      kind: input.kind,
      term: input.term,
      title: input.kind === 'PERSON' ? input.title : null,
      variants: input.variants,
      note: input.note || null,
    },
    select: { id: true },
  });
}

export async function deleteGlossaryEntry(id: number): Promise<void> {
  const { count } = await db.glossaryEntry.deleteMany({ where: { id } });
  if (count === 0) throw new AppError('NOT_FOUND', '该词条不存在或已被删除。');
}

export async function listIgnoredKeys(itemId: number): Promise<string[]> {
  const rows = await db.proofreadIgnore.findMany({ where: { itemId }, select: { key: true } });
  return rows.map((r) => r.key);
}

/** Ignores a finding at its place; whoever may edit the item may ignore its findings. */
export async function ignoreFinding(input: { itemId: number; key: string }, user: CurrentUser): Promise<void> {
  const item = await db.item.findUnique({ where: { id: input.itemId }, select: { issue: { select: { status: true } } } });
  if (!item) throw new AppError('NOT_FOUND', '稿件不存在或已被删除。');
  const refusal = getEditRefusal(user, item.issue?.status ?? null);
  if (refusal) throw refusal;
  await db.proofreadIgnore.upsert({
    where: { itemId_key: { itemId: input.itemId, key: input.key } },
    create: { itemId: input.itemId, key: input.key, userId: user.id },
    update: {},
  });
}

export interface IssueItemFindings {
  itemId: number;
  title: string;
  findings: ItemFinding[];
}

/** The open findings of an issue's items (in the issue's order), ignored ones left out. */
export async function getIssueFindings(
  items: readonly { id: number; title: string; subtitle: string | null; body: unknown }[],
): Promise<IssueItemFindings[]> {
  const [glossary, ignores] = await Promise.all([
    getGlossaryTerms(),
    db.proofreadIgnore.findMany({ where: { itemId: { in: items.map((i) => i.id) } }, select: { itemId: true, key: true } }),
  ]);
  const ignored = new Set(ignores.map((i) => `${i.itemId}:${i.key}`));
  const texts = items.map((item) => {
    const body = ZItemBody.safeParse(item.body);
    return { title: item.title, subtitle: item.subtitle ?? '', paragraphs: body.success ? getBodyParagraphs(body.data) : [] };
  });
  return checkIssue(texts, { glossary }).map((findings, i) => ({
    itemId: items[i]!.id,
    title: items[i]!.title,
    findings: findings.filter((f) => !ignored.has(`${items[i]!.id}:${f.key}`)),
  }));
}
