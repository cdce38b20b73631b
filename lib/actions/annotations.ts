'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { addAnnotation, replyToAnnotation, setAnnotationResolved } from '@/lib/data/annotations';
import { ZAddAnnotation, ZReplyAnnotation, ZResolveAnnotation } from '@/lib/validations/annotations';

// 批注 are written by those who review and answer: editors and reviewers. Staff and 信息员 read
// published issues only and are refused here whatever they send.
const EDITOR_OR_REVIEWER = ['EDITOR', 'REVIEWER'] as const;

function refresh(issueId: number) {
  revalidatePath(`/issues/${issueId}`);
  revalidatePath(`/review/${issueId}`);
  revalidatePath('/');
}

export const addAnnotationAction = action({ roles: EDITOR_OR_REVIEWER, schema: ZAddAnnotation }, async (input, user) => {
  const annotation = await addAnnotation(input, user);
  refresh(input.issueId);
  return annotation;
});

export const replyToAnnotationAction = action({ roles: EDITOR_OR_REVIEWER, schema: ZReplyAnnotation }, async (input, user) => {
  const { issueId } = await replyToAnnotation(input, user);
  refresh(issueId);
  return null;
});

export const setAnnotationResolvedAction = action({ roles: EDITOR_OR_REVIEWER, schema: ZResolveAnnotation }, async (input, user) => {
  const { issueId } = await setAnnotationResolved(input, user);
  refresh(issueId);
  return null;
});
