import { z } from '@/lib/validations/zod';
import { ZId, ZOptionalId, ZText } from '@/lib/validations/common';

export const ISSUE_STATUS_LABELS = {
  ASSEMBLING: '编排中',
  IN_REVIEW: '待审核',
  APPROVED: '已通过',
  PUBLISHED: '已发布',
} as const;
export type IssueStatus = keyof typeof ISSUE_STATUS_LABELS;

/** An issue in assembly because a reviewer returned it, until it is submitted again. */
export const ISSUE_RETURNED_LABEL = '已退回';

export const ISSUE_EVENT_LABELS = {
  CREATED: '创建',
  DATE_CHANGED: '修改日期',
  SUBMITTED: '提交审核',
  RETURNED: '退回修改',
  APPROVED: '审核通过',
  UNLOCKED: '解除锁定',
  IMPORTED: '导入历史期次',
  CORRECTED: '修订导入内容',
  PUBLISHED: '发布',
} as const;

const ZIssueId = ZId('期次编号无效');
const ZDate = z.iso.date({ error: '请选择有效的日期' });

/** Without publicationId: an issue of the default publication. */
export const ZCreateIssue = z.object({ issueDate: ZDate, publicationId: ZId('刊物编号无效').optional() });
export const ZChangeIssueDate = z.object({ id: ZIssueId, issueDate: ZDate });
export const ZIssueRef = z.object({ id: ZIssueId });
export const ZAddItems = z.object({
  id: ZIssueId,
  itemIds: z.array(ZId('稿件编号无效')).min(1, '请选择稿件').max(100),
});
export const ZRemoveItem = z.object({ id: ZIssueId, itemId: ZId('稿件编号无效') });
export const ZPutItemBack = ZRemoveItem.extend({
  sectionItemIds: z.array(ZId('稿件编号无效')).min(1).max(200),
});
export const ZOrderSection = z.object({
  id: ZIssueId,
  sectionId: ZId('栏目编号无效'),
  itemIds: z.array(ZId('稿件编号无效')).min(1).max(200),
});
const ZContentsLine = ZText('目录行', {
  max: 60,
  required: '目录行不能为空',
  refuse: { pattern: /[<>]/, message: '目录行不能含有尖括号' },
});
const ZComment = (required: string) => ZText('意见', { max: 2000, required, isMultiline: true });
export const ZUpdateContents = z.object({ id: ZIssueId, lines: z.array(ZContentsLine).max(30, '目录最多30行') });
export const ZReturnIssue = z.object({
  id: ZIssueId,
  comment: ZComment('退回时须填写意见'),
});
export const ZAddComment = z.object({
  id: ZIssueId,
  itemId: ZOptionalId('稿件编号无效'),
  body: ZComment('请输入意见'),
});
