import { diffChars } from 'diff';

/** A character-level diff (Chinese has no word spaces): insertions green, deletions struck. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffChars(before, after);
  return (
    <div className="whitespace-pre-wrap rounded-md border border-border bg-white p-4 leading-loose" data-testid="text-diff">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}
