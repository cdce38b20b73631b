'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { producePublishedExports } from '@/lib/data/exports';
import {
  addItemsToIssue,
  orderSectionItems,
  putItemBackInIssue,
  regenerateContents,
  removeItemFromIssue,
  sortIssueByCatalogue,
  updateContentsLines,
} from '@/lib/data/issue-assembly';
import { changeIssueDate, createIssue, deleteIssue } from '@/lib/data/issue-numbering';
import { rolesFor } from '@/lib/issues/workflow';
import { addReviewComment, approveIssue, findSubmitProblem, publishIssue, returnIssue, submitIssue, unlockIssue } from '@/lib/data/issue-workflow';
import {
  ZAddComment,
  ZAddItems,
  ZChangeIssueDate,
  ZCreateIssue,
  ZIssueRef,
  ZOrderSection,
  ZPutItemBack,
  ZRemoveItem,
  ZReturnIssue,
  ZUpdateContents,
} from '@/lib/validations/issues';


function refresh(id?: number) {
  revalidatePath('/issues');
  revalidatePath('/review');
  if (id) revalidatePath(`/issues/${id}`);
}

export const createIssueAction = action({ roles: rolesFor('create'), schema: ZCreateIssue }, async (input, user) => {
  const issue = await createIssue(input, user);
  refresh();
  return issue;
});

export const changeIssueDateAction = action({ roles: rolesFor('changeDate'), schema: ZChangeIssueDate }, async (input, user) => {
  await changeIssueDate(input, user);
  refresh(input.id);
  return null;
});

export const deleteIssueAction = action({ roles: rolesFor('delete'), schema: ZIssueRef }, async (input) => {
  await deleteIssue(input.id);
  refresh();
  return null;
});

export const addItemsToIssueAction = action({ roles: rolesFor('addItems'), schema: ZAddItems }, async (input) => {
  await addItemsToIssue(input);
  refresh(input.id);
  return null;
});

export const removeItemFromIssueAction = action({ roles: rolesFor('removeItem'), schema: ZRemoveItem }, async (input) => {
  await removeItemFromIssue(input);
  refresh(input.id);
  return null;
});

export const putItemBackInIssueAction = action({ roles: rolesFor('putItemBack'), schema: ZPutItemBack }, async (input) => {
  await putItemBackInIssue(input);
  refresh(input.id);
  return null;
});

export const orderSectionItemsAction = action({ roles: rolesFor('orderItems'), schema: ZOrderSection }, async (input) => {
  await orderSectionItems(input);
  refresh(input.id);
  return null;
});

export const sortIssueByCatalogueAction = action({ roles: rolesFor('orderItems'), schema: ZIssueRef }, async (input) => {
  await sortIssueByCatalogue(input.id);
  refresh(input.id);
  return null;
});

export const updateContentsAction = action({ roles: rolesFor('editContents'), schema: ZUpdateContents }, async (input) => {
  await updateContentsLines(input);
  refresh(input.id);
  return null;
});

export const regenerateContentsAction = action({ roles: rolesFor('editContents'), schema: ZIssueRef }, async (input) => {
  await regenerateContents(input.id);
  refresh(input.id);
  return null;
});

/** What would stop 提交审核 now (asked before the confirmation); changes nothing. */
export const checkSubmitIssueAction = action({ roles: rolesFor('submit'), schema: ZIssueRef }, async (input) => ({
  problem: await findSubmitProblem(input.id),
}));

export const submitIssueAction = action({ roles: rolesFor('submit'), schema: ZIssueRef }, async (input, user) => {
  await submitIssue(input.id, user);
  refresh(input.id);
  return null;
});

export const returnIssueAction = action({ roles: rolesFor('return'), schema: ZReturnIssue }, async (input, user) => {
  await returnIssue(input, user);
  refresh(input.id);
  return null;
});

export const approveIssueAction = action({ roles: rolesFor('approve'), schema: ZIssueRef }, async (input, user) => {
  await approveIssue(input.id, user);
  refresh(input.id);
  return null;
});

export const unlockIssueAction = action({ roles: rolesFor('unlock'), schema: ZIssueRef }, async (input, user) => {
  await unlockIssue(input.id, user);
  refresh(input.id);
  return null;
});

export const publishIssueAction = action({ roles: rolesFor('publish'), schema: ZIssueRef }, async (input, user) => {
  const print = await publishIssue(input.id, user);
  // The files are produced once, now, from the model just frozen; if that fails the first download produces them.
  await producePublishedExports(input.id, print).catch((error: unknown) => console.error('Export after publication failed', error));
  refresh(input.id);
  revalidatePath('/published');
  return null;
});

export const addReviewCommentAction = action({ roles: rolesFor('comment'), schema: ZAddComment }, async (input, user) => {
  await addReviewComment(input, user);
  refresh(input.id);
  return null;
});
