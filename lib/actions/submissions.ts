'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { createSubmissionRequest } from '@/lib/data/submission-requests';
import {
  adoptSubmission,
  createSubmission,
  getReporterUnit,
  INTAKE_ROLES,
  mergeSubmissions,
  rejectSubmission,
  reviseSubmission,
} from '@/lib/data/submissions';
import { AppError } from '@/lib/errors';
import { UnreadableFileError } from '@/lib/import/read-file';
import { ZipCheckError } from '@/lib/import/zip-check';
import { readSubmissionFile } from '@/lib/intake/read-submission-file';
import {
  ZAdoptSubmission,
  ZCreateRequest,
  ZCreateSubmission,
  ZDeclineSubmission,
  ZMergeSubmissions,
  ZReadSubmissionFile,
  ZReturnSubmission,
  ZReviseSubmission,
} from '@/lib/validations/submissions';

const REPORTER = ['REPORTER'] as const;

export const createSubmissionAction = action({ roles: REPORTER, schema: ZCreateSubmission }, async (input, user) => {
  const created = await createSubmission(input, user);
  revalidatePath('/submissions');
  return created;
});

export const reviseSubmissionAction = action({ roles: REPORTER, schema: ZReviseSubmission }, async (input, user) => {
  const saved = await reviseSubmission(input, user);
  revalidatePath('/submissions');
  return saved;
});

/** Reads an uploaded .docx into a title and body for the form; writes nothing. */
export const readSubmissionFileAction = action({ roles: REPORTER, schema: ZReadSubmissionFile, acceptsFormData: true }, async (input, user) => {
  await getReporterUnit(user);
  try {
    const content = await readSubmissionFile(input.file.name, input.file.bytes);
    if (content.paragraphs === 0) throw new AppError('INVALID_INPUT', `“${input.file.name}”中没有读到正文。`);
    return { ...content, fileName: input.file.name };
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof ZipCheckError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
});

export const adoptSubmissionAction = action({ roles: INTAKE_ROLES, schema: ZAdoptSubmission }, async (input, user) => {
  const result = await adoptSubmission(input, user);
  revalidatePath('/intake');
  revalidatePath('/items');
  return result;
});

export const mergeSubmissionsAction = action({ roles: INTAKE_ROLES, schema: ZMergeSubmissions }, async (input, user) => {
  const result = await mergeSubmissions(input, user);
  revalidatePath('/intake');
  revalidatePath('/items');
  return result;
});

export const returnSubmissionAction = action({ roles: INTAKE_ROLES, schema: ZReturnSubmission }, async (input, user) => {
  await rejectSubmission(input, 'RETURNED', user);
  revalidatePath('/intake');
  return null;
});

export const declineSubmissionAction = action({ roles: INTAKE_ROLES, schema: ZDeclineSubmission }, async (input, user) => {
  await rejectSubmission(input, 'DECLINED', user);
  revalidatePath('/intake');
  return null;
});

export const createSubmissionRequestAction = action({ roles: INTAKE_ROLES, schema: ZCreateRequest }, async (input, user) => {
  const created = await createSubmissionRequest(input, user);
  revalidatePath('/intake/requests');
  return created;
});
