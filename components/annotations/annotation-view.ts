import type { AnnotationEntry } from '@/lib/data/annotations';
import { formatBeijingDateTime } from '@/lib/dates';

/** A 批注 as the browser gets it: names and times already formatted (Beijing time). */
export interface AnnotationView {
  id: number;
  itemId: number;
  itemTitle: string;
  quote: string;
  body: string;
  authorName: string;
  time: string;
  isResolved: boolean;
  resolvedByName: string | null;
  replies: { id: number; body: string; authorName: string; time: string }[];
}

export function toAnnotationView(annotation: AnnotationEntry): AnnotationView {
  return {
    id: annotation.id,
    itemId: annotation.itemId,
    itemTitle: annotation.item.title,
    quote: annotation.quote,
    body: annotation.body,
    authorName: annotation.author.displayName,
    time: formatBeijingDateTime(annotation.createdAt),
    isResolved: !!annotation.resolvedAt,
    resolvedByName: annotation.resolvedBy?.displayName ?? null,
    replies: annotation.replies.map((reply) => ({ id: reply.id, body: reply.body, authorName: reply.author.displayName, time: formatBeijingDateTime(reply.createdAt) })),
  };
}
