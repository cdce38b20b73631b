import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import { ISSUE_STATUS_LABELS, type IssueStatus } from '@/lib/validations/issues';

const TONES: Record<IssueStatus, string> = {
  ASSEMBLING: '',
  IN_REVIEW: 'border-amber-200 bg-amber-50 text-amber-800',
  APPROVED: 'border-green-200 bg-green-50 text-green-800',
  PUBLISHED: 'border-blue-200 bg-blue-50 text-blue-800',
};

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <Badge className={cn(TONES[status])} data-testid="issue-status">{ISSUE_STATUS_LABELS[status]}</Badge>;
}
