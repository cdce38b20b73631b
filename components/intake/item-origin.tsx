import Link from 'next/link';
import { listItemSubmissions } from '@/lib/data/submissions';

/** On an item made from 来稿: which submissions (and units) it came from, linked back. */
export async function ItemOrigin({ itemId }: { itemId: number }) {
  const submissions = await listItemSubmissions(itemId);
  if (!submissions.length) return null;
  return (
    <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm" data-testid="item-origin">
      {submissions.length > 1 ? '综合采用自来稿：' : '采用自来稿：'}
      {submissions.map((submission, index) => (
        <span key={submission.id}>
          {index > 0 && '；'}
          <Link href={`/intake/${submission.id}`} className="text-brand underline">
            {submission.unit.name}《{submission.title.replace(/\n/g, '')}》
          </Link>
        </span>
      ))}
    </p>
  );
}
