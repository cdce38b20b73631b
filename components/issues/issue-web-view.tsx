import type { ReactNode } from 'react';
import { formatIssueDate, formatTotalNumber, formatYearNumber, hasClosingBlock, type PrintIssue, type PrintItem } from '@/lib/export/print-issue';
import { TitleLines } from '@/components/items/title-lines';
import { renderBodyHtml } from '@/lib/render-body';
import { cn } from '@/lib/utils';

/**
 * An issue for reading on screen (phones included): same content and order as print. The review
 * reading view passes `renderBody` to show each item's paragraphs with their 批注 (`position`:
 * the item's place in print order).
 */
export function IssueWebView({
  issue,
  renderBody,
  className,
}: {
  issue: PrintIssue;
  renderBody?: (item: PrintItem, position: number) => ReactNode;
  className?: string;
}) {
  // Items are numbered across the issue in print order: the archive's search links to #item-N.
  let position = 0;
  return (
    <article className={cn('mx-auto max-w-2xl rounded-lg border border-border bg-white px-5 py-6 sm:px-10', className)} data-testid="issue-web-view">
      <header className="border-b-2 border-brand pb-3 text-center">
        <h2 className="text-3xl font-bold tracking-[0.3em] text-brand sm:text-4xl">{issue.publicationName}</h2>
        <p className="mt-3">{formatYearNumber(issue)}</p>
        <p>{formatTotalNumber(issue)}</p>
        <div className="mt-3 flex justify-between text-sm">
          <span>{issue.publisher}</span>
          <span>{formatIssueDate(issue.issueDate)}</span>
        </div>
      </header>
      {issue.contentsLines.length > 0 && (
        <section className="mt-5">
          <h3 className="font-bold">目录提要</h3>
          <ul className="mt-1 space-y-1">
            {issue.contentsLines.map((line, i) => (
              <li key={i}>● {line}</li>
            ))}
          </ul>
        </section>
      )}
      {issue.sections.map((section, s) => (
        <section key={s} className="mt-6">
          {!section.isLead && <h3 className="font-bold">【{section.name}】</h3>}
          {section.columns.map((column, c) => (
            <div key={c}>
              {column.name && <h4 className="mt-3 text-center font-bold">{column.name}</h4>}
              {column.items.map((item, i) => {
                const at = position++;
                return (
                  <div key={i} id={`item-${at}`} className="mt-4 scroll-mt-20 rounded target:bg-yellow-50 target:ring-2 target:ring-yellow-200">
                    <h4 className="text-center text-lg font-bold leading-relaxed text-balance">
                      <TitleLines title={item.title} />
                    </h4>
                    {item.subtitle && <p className="text-center">{item.subtitle}</p>}
                    {renderBody ? (
                      renderBody(item, at)
                    ) : (
                      <div
                        className="item-body mt-2 text-justify leading-loose"
                        // Safe: renderBodyHtml writes all markup itself and escapes every text node.
                        dangerouslySetInnerHTML={{ __html: renderBodyHtml(item.body, item.sources) }}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </section>
      ))}
      {/* An issue printed without a 版记 (some imported ones) shows none. */}
      {hasClosingBlock(issue) && (
        <footer className="mt-8 border-y-2 border-gray-800 py-2 text-sm" data-testid="issue-closing">
          <div className="flex justify-between border-b border-gray-500 pb-1">
            <span>编辑：{issue.editorName}</span>
            <span>审核：{issue.reviewerName}</span>
          </div>
          {issue.distribution.some((line) => line.trim()) && (
            <div className="mt-1 flex gap-1">
              <span className="shrink-0">分送：</span>
              <div>
                {issue.distribution.map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </div>
            </div>
          )}
        </footer>
      )}
    </article>
  );
}
