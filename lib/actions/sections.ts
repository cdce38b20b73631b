'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import {
  createSection,
  createSectionColumn,
  moveSection,
  moveSectionColumn,
  renameSection,
  renameSectionColumn,
  setSectionColumnRetired,
  setSectionRetired,
} from '@/lib/data/sections';
import {
  ZCreateSection,
  ZCreateSectionColumn,
  ZMoveSection,
  ZMoveSectionColumn,
  ZRenameSection,
  ZRenameSectionColumn,
  ZSetSectionColumnRetired,
  ZSetSectionRetired,
} from '@/lib/validations/sections';

const ADMIN = ['ADMIN'] as const;

// Pickers elsewhere read the catalogue on every request; only the admin page is revalidated.
function revalidateCatalogue() {
  revalidatePath('/admin/sections');
}

export const createSectionAction = action({ roles: ADMIN, schema: ZCreateSection }, async (input) => {
  const result = await createSection(input);
  revalidateCatalogue();
  return result;
});

export const renameSectionAction = action({ roles: ADMIN, schema: ZRenameSection }, async (input) => {
  await renameSection(input);
  revalidateCatalogue();
  return null;
});

export const moveSectionAction = action({ roles: ADMIN, schema: ZMoveSection }, async (input) => {
  const result = await moveSection(input);
  revalidateCatalogue();
  return result;
});

export const setSectionRetiredAction = action({ roles: ADMIN, schema: ZSetSectionRetired }, async (input) => {
  await setSectionRetired(input);
  revalidateCatalogue();
  return null;
});

export const createSectionColumnAction = action({ roles: ADMIN, schema: ZCreateSectionColumn }, async (input) => {
  const result = await createSectionColumn(input);
  revalidateCatalogue();
  return result;
});

export const renameSectionColumnAction = action({ roles: ADMIN, schema: ZRenameSectionColumn }, async (input) => {
  await renameSectionColumn(input);
  revalidateCatalogue();
  return null;
});

export const moveSectionColumnAction = action({ roles: ADMIN, schema: ZMoveSectionColumn }, async (input) => {
  const result = await moveSectionColumn(input);
  revalidateCatalogue();
  return result;
});

export const setSectionColumnRetiredAction = action({ roles: ADMIN, schema: ZSetSectionColumnRetired }, async (input) => {
  await setSectionColumnRetired(input);
  revalidateCatalogue();
  return null;
});
