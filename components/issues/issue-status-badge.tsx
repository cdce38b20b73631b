import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import { ISSUE_RETURNED_LABEL, ISSUE_STATUS_LABELS, type IssueStatus } from '@/lib/validations/issues';

const TONES: Record<IssueStatus, string> = {
  ASSEMBLING: '',
  IN_REVIEW: 'border-amber-200 bg-amber-50 text-amber-800',
  APPROVED: 'border-green-200 bg-green-50 text-green-800',
  PUBLISHED: 'border-blue-200 bg-blue-50 text-blue-800',
};

/** The issue's state; an issue a reviewer returned reads 已退回 until it is submitted again. */
export function IssueStatusBadge({ status, isReturned = false }: { status: IssueStatus; isReturned?: boolean }) {
  return (
    <Badge className={cn(isReturned ? 'border-red-200 bg-red-50 text-danger' : TONES[status])} data-testid="issue-status">
      {isReturned ? ISSUE_RETURNED_LABEL : ISSUE_STATUS_LABELS[status]}
    </Badge>
  );
}
