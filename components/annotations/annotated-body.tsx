import { AnnotationThread } from '@/components/annotations/annotation-thread';
import type { AnnotationView } from '@/components/annotations/annotation-view';
import { anchorInParagraphs } from '@/lib/annotations/anchor';
import type { PrintItem } from '@/lib/export/print-issue';
import { getBodyParagraphs } from '@/lib/item-body-text';
import { renderBodyHtml } from '@/lib/render-body';

/**
 * An item's paragraphs with their 批注: beside the paragraph on a wide screen, below it on a
 * phone. Each paragraph carries its index, so a selection in it can be anchored (review-bar.tsx);
 * a 批注 whose words are gone is shown after the item, marked 原文已修改.
 */
export function AnnotatedBody({
  itemId,
  item,
  annotations,
  canWrite,
}: {
  itemId: number;
  item: PrintItem;
  annotations: (AnnotationView & { startOffset: number })[];
  canWrite: boolean;
}) {
  const texts = getBodyParagraphs(item.body);
  const paragraphs = item.body.content.filter((p) => (p.content ?? []).some((n) => n.type === 'text' && n.text.trim()));
  const byParagraph = new Map<number, typeof annotations>();
  const orphans: typeof annotations = [];
  for (const annotation of annotations) {
    const anchor = anchorInParagraphs(texts, annotation.quote, annotation.startOffset);
    if (!anchor) orphans.push(annotation);
    else byParagraph.set(anchor.paragraph, [...(byParagraph.get(anchor.paragraph) ?? []), annotation]);
  }
  return (
    <div className="item-body mt-2 leading-loose" data-annotatable-item={itemId}>
      {paragraphs.map((paragraph, i) => (
        <div key={i} className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-4">
          <div
            data-paragraph={i}
            className="text-justify"
            // Safe: renderBodyHtml writes all markup itself and escapes every text node.
            dangerouslySetInnerHTML={{ __html: renderBodyHtml({ type: 'doc', content: [paragraph] }, i === paragraphs.length - 1 ? item.sources : []) }}
          />
          <div className="mb-2 space-y-2 lg:mb-0">
            {(byParagraph.get(i) ?? []).map((annotation) => (
              <AnnotationThread key={annotation.id} annotation={annotation} canWrite={canWrite} />
            ))}
          </div>
        </div>
      ))}
      {orphans.map((annotation) => (
        <AnnotationThread key={annotation.id} annotation={annotation} canWrite={canWrite} isOrphan />
      ))}
    </div>
  );
}
