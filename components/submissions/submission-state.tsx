import { Badge } from '@/components/ui/badge';
import type { SubmissionStatus } from '@/lib/validations/submissions';

const TONES: Record<SubmissionStatus, string> = {
  SUBMITTED: 'border-blue-200 bg-blue-50 text-blue-800',
  ADOPTED: 'border-green-200 bg-green-50 text-green-800',
  MERGED: 'border-green-200 bg-green-50 text-green-800',
  RETURNED: 'border-amber-200 bg-amber-50 text-amber-900',
  DECLINED: 'border-red-200 bg-red-50 text-red-800',
};

/** 已报送 / 已采用（刊于2023年第21期）/ 综合采用 / 退回修改 / 未采用. */
export function SubmissionState({ status, label }: { status: SubmissionStatus; label: string }) {
  return (
    <Badge className={TONES[status]} data-testid="submission-state">
      {label}
    </Badge>
  );
}
