'use client';
import { Button } from '@/components/ui/button';
import { addItemsToIssueAction } from '@/lib/actions/issues';
import { useActionForm } from '@/lib/hooks/use-action-form';

export interface AvailableItem {
  id: number;
  title: string;
  sectionName: string;
  authorName: string;
}

/** 待编 items not in any issue, by section; checked ones join this issue. */
export function AddItemsForm({ issueId, items }: { issueId: number; items: AvailableItem[] }) {
  const { onSubmit, isPending, formError, fieldErrors } = useActionForm(addItemsToIssueAction, { arrays: ['itemIds'] });
  if (!items.length) return <p className="text-sm text-muted-foreground">没有可编入的待编稿件。</p>;
  const sections = [...new Set(items.map((i) => i.sectionName))];
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="加入稿件">
      <input type="hidden" name="id" value={issueId} />
      {sections.map((name) => (
        <fieldset key={name}>
          <legend className="text-xs font-semibold text-muted-foreground">{name}</legend>
          {items
            .filter((i) => i.sectionName === name)
            .map((item) => (
              <label key={item.id} className="flex items-start gap-2 py-0.5 text-sm">
                <input type="checkbox" name="itemIds" value={item.id} className="mt-1 accent-brand" />
                <span>
                  {item.title}
                  <span className="ml-1 text-xs text-muted-foreground">（{item.authorName}）</span>
                </span>
              </label>
            ))}
        </fieldset>
      ))}
      <Button type="submit" size="sm" disabled={isPending}>
        加入本期
      </Button>
      {(formError || fieldErrors?.itemIds) && (
        <p role="alert" className="text-sm text-danger">
          {formError ?? fieldErrors?.itemIds?.join('；')}
        </p>
      )}
    </form>
  );
}
