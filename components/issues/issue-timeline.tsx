import { formatBeijingDateTime } from '@/lib/dates';
import { ISSUE_EVENT_LABELS } from '@/lib/validations/issues';

export function IssueTimeline({
  events,
}: {
  events: { id: number; type: keyof typeof ISSUE_EVENT_LABELS; comment: string | null; createdAt: Date; actor: { displayName: string } }[];
}) {
  return (
    <ol className="space-y-2 border-l border-border pl-4 text-sm" data-testid="issue-timeline">
      {events.map((event) => (
        <li key={event.id}>
          <div>
            <strong>{ISSUE_EVENT_LABELS[event.type]}</strong> · {event.actor.displayName}
          </div>
          <div className="text-xs text-muted-foreground">
            {formatBeijingDateTime(event.createdAt)}
          </div>
          {event.comment && <p className="mt-0.5 whitespace-pre-wrap text-xs">{event.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
