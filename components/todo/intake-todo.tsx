import Link from 'next/link';
import { listSubmissionRequests } from '@/lib/data/submission-requests';
import { listIntake } from '@/lib/data/submissions';

/** 待办 block for editors: 来稿 waiting for a decision, and 约稿 with units late. */
export async function IntakeTodo() {
  const [waiting, requests] = await Promise.all([listIntake({ q: undefined }), listSubmissionRequests()]);
  const late = requests.filter((request) => request.units.some((unit) => unit.isLate));
  return (
    <section aria-labelledby="intake-todo-title" className="space-y-2 text-sm" data-testid="intake-todo">
      <h2 id="intake-todo-title" className="font-semibold">
        来稿
      </h2>
      <p>
        <Link href="/intake" className="text-brand underline">
          待处理来稿 {waiting.total} 篇
        </Link>
      </p>
      {late.map((request) => (
        <p key={request.id}>
          约稿“
          <Link href={`/intake/requests#request-${request.id}`} className="text-brand underline">
            {request.topic}
          </Link>
          ”：{request.units.filter((u) => u.isLate).length}个单位逾期未报
        </p>
      ))}
    </section>
  );
}
