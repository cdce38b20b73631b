'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { correctImportedIssue } from '@/lib/data/import-corrections';
import { importIssues, previewImport } from '@/lib/data/imports';
import { ZCorrectImportedIssue } from '@/lib/validations/import-corrections';
import { ZImportFiles } from '@/lib/validations/imports';

const ADMIN = ['ADMIN'] as const;

/** What importing these files would do; writes nothing. */
export const previewImportAction = action({ roles: ADMIN, schema: ZImportFiles, acceptsFormData: true }, async (input) => previewImport(input.files, input.publicationId));

/** Imports the files (one transaction), if they still are what the preview showed. */
export const importIssuesAction = action({ roles: ADMIN, schema: ZImportFiles, acceptsFormData: true }, async (input, user) => {
  if (!input.fingerprints) throw new AppError('INVALID_INPUT', '请先预览，确认无误后再导入。');
  const result = await importIssues(input.files, user, { expectedFingerprints: input.fingerprints, publicationId: input.publicationId });
  revalidatePath('/published');
  revalidatePath('/issues');
  return result;
});

/** Corrects an imported issue (titles, paragraphs, sources, sections, items); see lib/data/import-corrections.ts. */
export const correctImportedIssueAction = action({ roles: ADMIN, schema: ZCorrectImportedIssue }, async (input, user) => {
  const result = await correctImportedIssue(input, user);
  revalidatePath('/published');
  revalidatePath(`/published/${input.id}`);
  return result;
});
