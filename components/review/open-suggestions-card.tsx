import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getTitleText } from '@/lib/layout/title';
import { listSuggestions } from '@/lib/suggestions';
import type { ItemBody } from '@/lib/validations/item-body';

/** Items of the issue with 修订 still to accept or reject (approval waits for them). */
export function OpenSuggestionsCard({ items }: { items: { id: number; title: string; body: ItemBody }[] }) {
  const open = items
    .map((item) => ({ ...item, count: listSuggestions(item.body).length }))
    .filter((item) => item.count > 0);
  if (!open.length) return null;
  return (
    <Card data-testid="open-suggestions">
      <CardHeader>
        <CardTitle>待处理的修订</CardTitle>
      </CardHeader>
      <CardContent>
        <p className="mb-2 text-sm text-muted-foreground">逐条接受或拒绝后才能审核通过。</p>
        <ul className="space-y-1 text-sm">
          {open.map((item) => (
            <li key={item.id}>
              <Link href={`/items/${item.id}`} className="text-brand underline">
                {getTitleText(item.title)}
              </Link>
              <span className="ml-2 text-muted-foreground">{item.count} 处</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
