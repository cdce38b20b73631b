import { AnnotationThread } from '@/components/annotations/annotation-thread';
import { toAnnotationView } from '@/components/annotations/annotation-view';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { AnnotationEntry } from '@/lib/data/annotations';
import { getTitleText } from '@/lib/layout/title';

/** The issue page's list of 批注: open ones first, each with its item, replies and 已解决. */
export function IssueAnnotationsCard({ annotations, canWrite }: { annotations: AnnotationEntry[]; canWrite: boolean }) {
  const views = annotations.map(toAnnotationView).sort((a, b) => Number(a.isResolved) - Number(b.isResolved));
  const open = views.filter((view) => !view.isResolved).length;
  return (
    <Card id="annotations" className="scroll-mt-20" data-testid="issue-annotations">
      <CardHeader>
        <CardTitle className="whitespace-nowrap">
          批注
          {open > 0 && <span className="ml-2 text-sm font-normal text-danger">{open} 条未解决</span>}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {views.map((view) => (
          <div key={view.id} className="space-y-1">
            <p className="text-xs text-muted-foreground">稿件：{getTitleText(view.itemTitle)}</p>
            <AnnotationThread annotation={view} canWrite={canWrite} />
          </div>
        ))}
        {!views.length && <p className="text-sm text-muted-foreground">暂无批注。审核人在阅读视图中选中文字即可批注。</p>}
      </CardContent>
    </Card>
  );
}
