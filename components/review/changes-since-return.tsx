import Link from 'next/link';
import { TextDiff } from '@/components/items/text-diff';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatBeijingDateTime } from '@/lib/dates';
import type { ChangesSinceReturn } from '@/lib/review/changes-since-return';

/** 退回后的修改: each item changed since the reviewer's return, with what changed in it. */
export function ChangesSinceReturnCard({ changes }: { changes: ChangesSinceReturn }) {
  return (
    <Card data-testid="changes-since-return">
      <CardHeader>
        <CardTitle>退回后的修改</CardTitle>
        <p className="text-sm text-muted-foreground">
          {changes.reviewerName}于{formatBeijingDateTime(changes.returnedAt)}退回后，
          {changes.items.length ? `有 ${changes.items.length} 篇稿件修改过：` : '稿件没有修改。'}
        </p>
      </CardHeader>
      {changes.items.length > 0 && (
        <CardContent className="space-y-5">
          {changes.items.map((item) => (
            <section key={item.id} aria-label={`修改：${item.title}`} data-testid="changed-item">
              <h3 className="mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
                <Link href={`/items/${item.id}`} className="font-semibold text-brand underline">
                  {item.title}
                </Link>
                <span className="text-xs text-muted-foreground">
                  {item.fromVersion === null ? `退回后新写（第${item.toVersion}版）` : `第${item.fromVersion}版 → 第${item.toVersion}版`}
                </span>
              </h3>
              <TextDiff before={item.before} after={item.after} />
            </section>
          ))}
        </CardContent>
      )}
    </Card>
  );
}
