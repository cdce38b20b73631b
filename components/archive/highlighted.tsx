import type { TextSegment } from '@/lib/archive/normalize';

/** Text with its matches marked; every piece is plain text (React escapes it). */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.isMatch ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
