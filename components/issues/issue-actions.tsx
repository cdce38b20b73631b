'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import {
  approveIssueAction,
  checkSubmitIssueAction,
  changeIssueDateAction,
  deleteIssueAction,
  publishIssueAction,
  returnIssueAction,
  submitIssueAction,
  unlockIssueAction,
} from '@/lib/actions/issues';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { canTakeAction, type IssueAction } from '@/lib/issues/workflow';
import type { Role } from '@/lib/roles';
import type { IssueStatus } from '@/lib/validations/issues';
import { FormError } from '@/components/ui/form-error';
import { savePendingEdits } from '@/components/issues/pending-saves';

interface Props {
  issueId: number;
  status: IssueStatus;
  issueDate: string;
  /** The viewer's roles: the buttons are those lib/issues/workflow.ts allows them in this state. */
  roles: readonly Role[];
  /** 批注 not yet resolved: approval warns about them (a confirmation, not a block). */
  openAnnotations?: number;
}

/** What happens next, in the issue's state, for whoever looks at the card. */
function getNextStep(status: IssueStatus, can: (action: IssueAction) => boolean): string | null {
  if (status === 'IN_REVIEW') {
    return can('approve')
      ? '本期等待审核：通过后锁定，由编辑发布；退回时须填写意见，编辑修改后重新提交。'
      : '已提交审核，正在等待审核人审阅。通过后本期锁定，您再点“发布”；如被退回，意见会显示在本页顶部，修改后重新提交。';
  }
  if (status === 'APPROVED') {
    return can('publish')
      ? '审核已通过，本期已锁定。点“发布”后期号和内容固定，并生成 PDF 和 DOCX。'
      : '审核已通过，等待编辑发布。';
  }
  return null;
}

/** What can be done with the issue now, by this user: the server checks all of it again. */
export function IssueActions({ issueId, status, issueDate, roles, openAnnotations = 0 }: Props) {
  const router = useRouter();
  const [isReturning, setIsReturning] = useState(false);
  const returning = useActionForm(returnIssueAction, { resetOnSuccess: true });
  const dating = useActionForm(changeIssueDateAction, { resetOnSuccess: false });

  if (status === 'PUBLISHED') return <p className="text-sm text-muted-foreground">本期已发布，期号和内容已固定。</p>;
  const can = (action: IssueAction) => canTakeAction(action, roles, status);
  const nextStep = getNextStep(status, can);
  return (
    <div className="space-y-3">
      {nextStep && (
        <p className="rounded-md bg-muted px-3 py-2 text-sm" data-testid="issue-next-step">
          {nextStep}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {can('submit') && (
          <ActionButton
            // 目录提要 edits still waiting are saved first: the submitted issue has them.
            run={async () => {
              const saved = await savePendingEdits();
              return saved.ok ? submitIssueAction({ id: issueId }) : saved;
            }}
            precheck={async () => {
              const check = await checkSubmitIssueAction({ id: issueId });
              return check.ok ? check.data.problem : check.message;
            }}
            confirm="提交审核后，本期稿件将由审核人审阅。确定提交吗？"
          >
            提交审核
          </ActionButton>
        )}
        {can('approve') && (
          <ActionButton run={() => approveIssueAction({ id: issueId })} confirm={openAnnotations ? `还有 ${openAnnotations} 条批注未解决。仍要审核通过吗？通过后本期将锁定。` : '审核通过后本期将锁定。确定通过吗？'}>
            审核通过
          </ActionButton>
        )}
        {can('return') && (
          <Button variant="outline" onClick={() => setIsReturning((v) => !v)}>
            退回修改
          </Button>
        )}
        {can('unlock') && (
          <ActionButton variant="outline" run={() => unlockIssueAction({ id: issueId })} confirm="解除锁定后本期回到编排状态，需要重新审核。确定吗？">
            解除锁定
          </ActionButton>
        )}
        {can('publish') && (
          <ActionButton
            run={() => publishIssueAction({ id: issueId })}
            confirm="发布后期号和内容即固定，不能再修改。确定发布吗？"
            pendingLabel="正在发布：固定期号，生成 PDF 和 DOCX，约需十几秒，请勿关闭页面…"
          >
            发布
          </ActionButton>
        )}
      </div>

      {isReturning && can('return') && (
        <form onSubmit={returning.onSubmit} className="space-y-2 rounded-md bg-muted p-3" noValidate>
          <input type="hidden" name="id" value={issueId} />
          <label htmlFor="return-comment" className="text-sm font-medium">
            退回意见（必填）
          </label>
          {/* Opening the form (退回修改) takes the focus to what must be filled in. */}
          <textarea
            id="return-comment"
            name="comment"
            autoFocus
            rows={3}
            className="w-full rounded-md border border-border bg-white p-2 text-sm"
            aria-invalid={!!returning.fieldErrors?.comment}
            aria-describedby="return-comment-error"
          />
          <FieldError id="return-comment-error" messages={returning.fieldErrors?.comment} />
          <Button type="submit" size="sm" disabled={returning.isPending}>
            确认退回
          </Button>
          <FormError message={returning.formError} />
        </form>
      )}

      {can('changeDate') && (
        <form onSubmit={dating.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
          <input type="hidden" name="id" value={issueId} />
          <label className="text-sm">
            出刊日期
            <Input
              name="issueDate"
              type="date"
              defaultValue={issueDate}
              className="mt-1 w-44"
              aria-invalid={!!dating.fieldErrors?.issueDate}
              aria-describedby="change-date-error"
            />
          </label>
          <Button type="submit" size="sm" variant="outline" disabled={dating.isPending}>
            改期
          </Button>
          <FieldError id="change-date-error" messages={dating.fieldErrors?.issueDate} />
          <FormError message={dating.formError} />
        </form>
      )}

      {can('delete') && (
        // Destructive, so apart from 提交审核 and marked as such.
        <div className="mt-6 space-y-2 rounded-md border border-red-200 bg-red-50 p-3" data-testid="issue-danger-zone">
          <p className="text-xs text-danger">删除本期：稿件回到待编状态，之后各期自动重新编号。不能撤销。</p>
          <ActionButton
            variant="danger"
            size="sm"
            run={() => deleteIssueAction({ id: issueId })}
            confirm="删除本期？其中的稿件会回到待编状态，之后各期自动重新编号。"
            onDone={() => router.push('/issues')}
          >
            删除本期
          </ActionButton>
        </div>
      )}
    </div>
  );
}
