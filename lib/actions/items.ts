'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { createItem, restoreItemVersion, saveItem } from '@/lib/data/items';
import { ZCreateItem, ZRestoreItemVersion, ZSaveItem } from '@/lib/validations/items';

/** Editors write items; a reviewer edits items of an issue in review (see assertMayEdit). */
const WRITERS = ['EDITOR'] as const;
const EDITORS_AND_REVIEWERS = ['EDITOR', 'REVIEWER'] as const;

export const createItemAction = action({ roles: WRITERS, schema: ZCreateItem }, async (input, user) => {
  const item = await createItem(input, user);
  revalidatePath('/items');
  return item;
});

/** Called by autosave: no revalidation, the editor already shows what it sent. */
export const saveItemAction = action({ roles: EDITORS_AND_REVIEWERS, schema: ZSaveItem }, async (input, user) => {
  const saved = await saveItem(input, user);
  return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
});

export const restoreItemVersionAction = action(
  { roles: EDITORS_AND_REVIEWERS, schema: ZRestoreItemVersion },
  async (input, user) => {
    const saved = await restoreItemVersion(input, user);
    revalidatePath(`/items/${input.id}`);
    return { version: saved.version };
  },
);
