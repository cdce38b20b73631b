'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { createGlossaryEntry, deleteGlossaryEntry, ignoreFinding } from '@/lib/data/proofread';
import { ZCreateGlossaryEntry, ZDeleteGlossaryEntry, ZIgnoreFinding } from '@/lib/validations/proofread';

const ADMIN = ['ADMIN'] as const;
/** Whoever may edit the item (checked against the state in ignoreFinding). */
const EDITORS_AND_REVIEWERS = ['EDITOR', 'REVIEWER'] as const;

export const createGlossaryEntryAction = action({ roles: ADMIN, schema: ZCreateGlossaryEntry }, async (input) => {
  const result = await createGlossaryEntry(input);
  revalidatePath('/admin/glossary');
  return result;
});

export const deleteGlossaryEntryAction = action({ roles: ADMIN, schema: ZDeleteGlossaryEntry }, async (input) => {
  await deleteGlossaryEntry(input.id);
  revalidatePath('/admin/glossary');
  return null;
});

export const ignoreFindingAction = action({ roles: EDITORS_AND_REVIEWERS, schema: ZIgnoreFinding }, async (input, user) => {
  await ignoreFinding(input, user);
  return null;
});
