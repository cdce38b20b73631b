import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatChineseDate } from '@/lib/dates';

export interface OpenRequest {
  id: number;
  topic: string;
  details: string;
  deadline: string;
  isLate: boolean;
}

/** The 信息员's 待办: 约稿 sent to their unit not yet answered (also a block for the 待办 home). */
export function OpenRequests({ requests }: { requests: OpenRequest[] }) {
  if (!requests.length) return null;
  return (
    <section aria-labelledby="open-requests-title" className="rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="open-requests">
      <h2 id="open-requests-title" className="font-semibold">
        待办：约稿（{requests.length}）
      </h2>
      <ul className="mt-2 space-y-2">
        {requests.map((request) => (
          <li key={request.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{request.topic}</span>
            <span className="text-muted-foreground">{formatChineseDate(request.deadline)}前报送</span>
            {request.isLate && <Badge className="border-red-200 bg-red-50 text-red-800">已逾期</Badge>}
            {request.details && <span className="w-full text-muted-foreground">{request.details}</span>}
            <Link href={`/submissions/new?request=${request.id}`} className="font-medium text-brand underline">
              报送稿件
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
