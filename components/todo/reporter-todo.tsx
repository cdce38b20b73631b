import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth';
import { OpenRequests } from '@/components/submissions/open-requests';
import { listOpenRequestsForReporter } from '@/lib/data/submission-requests';
import { listUnitSubmissions } from '@/lib/data/submissions';

/** 待办 block for a 信息员: open 约稿 and the submissions returned for revision. */
export async function ReporterTodo({ user }: { user: CurrentUser }) {
  const [requests, { submissions }] = await Promise.all([listOpenRequestsForReporter(user), listUnitSubmissions(user)]);
  const returned = submissions.filter((s) => s.status === 'RETURNED');
  return (
    <section aria-labelledby="reporter-todo-title" className="space-y-3" data-testid="reporter-todo">
      <h2 id="reporter-todo-title" className="font-semibold">
        信息报送
      </h2>
      <OpenRequests requests={requests} />
      {returned.length > 0 && (
        <ul className="space-y-1 text-sm">
          {returned.map((submission) => (
            <li key={submission.id}>
              退回修改：
              <Link href={`/submissions/${submission.id}`} className="text-brand underline">
                {submission.title.replace(/\n/g, '')}
              </Link>
              {submission.reason && <span className="text-muted-foreground">（{submission.reason}）</span>}
            </li>
          ))}
        </ul>
      )}
      {requests.length === 0 && returned.length === 0 && <p className="text-sm text-muted-foreground">没有待办的约稿或退回的稿件。</p>}
    </section>
  );
}
