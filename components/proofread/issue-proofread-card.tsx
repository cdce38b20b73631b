// 校对 on the issue page: the open findings of every item, for the editor before submitting and
// for the reviewer deciding. They never block submission; the count stands beside the decision.
import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { IssueItemFindings } from '@/lib/data/proofread';
import { getTitleText } from '@/lib/layout/title';
import { RULE_LABELS } from '@/lib/proofread/types';

export function countOpenFindings(items: readonly IssueItemFindings[]): number {
  return items.reduce((sum, item) => sum + item.findings.length, 0);
}

export function IssueProofreadCard({ items }: { items: IssueItemFindings[] }) {
  const total = countOpenFindings(items);
  const withFindings = items.filter((item) => item.findings.length > 0);
  return (
    <Card id="issue-proofread" data-testid="issue-proofread">
      <CardHeader>
        <CardTitle className="flex items-center justify-between">
          校对
          <span className="text-sm font-normal text-muted-foreground" data-testid="issue-proofread-count">
            {total ? `${total} 处待处理` : '未发现问题'}
          </span>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {total > 0 ? (
          <>
            <p className="mb-3 text-xs text-muted-foreground">校对提示不影响送审；请在稿件中修正或忽略。</p>
            <ul className="space-y-3 text-sm">
              {withFindings.map((item) => (
                <li key={item.itemId} data-testid="issue-proofread-item">
                  <details>
                    <summary className="cursor-pointer">
                      <Link href={`/items/${item.itemId}`} className="hover:text-brand">
                        {getTitleText(item.title)}
                      </Link>
                      <span className="ml-2 rounded bg-amber-50 px-1.5 text-xs text-amber-800">{item.findings.length} 处</span>
                    </summary>
                    <ul className="mt-1 space-y-1 pl-4 text-xs">
                      {item.findings.map((f) => (
                        <li key={`${f.field}:${f.paragraph}:${f.from}:${f.rule}`}>
                          <span className="text-muted-foreground">{RULE_LABELS[f.rule]}：</span>
                          {f.message}
                          {f.excerpt.trim() !== '' && <mark className="ml-1 rounded-sm bg-amber-100 px-0.5">{f.excerpt}</mark>}
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{items.length ? '本期稿件均未发现校对问题。' : '本期还没有稿件。'}</p>
        )}
      </CardContent>
    </Card>
  );
}

/** Beside the submit and approve buttons: how many findings are still open (not blocking). */
export function OpenFindingsNote({ count }: { count: number }) {
  return (
    <p className="mt-3 text-xs" data-testid="decision-proofread-count">
      {count ? (
        <a href="#issue-proofread" className="text-amber-800 underline">
          校对：{count} 处待处理（不影响送审）
        </a>
      ) : (
        <span className="text-muted-foreground">校对：未发现问题</span>
      )}
    </p>
  );
}
