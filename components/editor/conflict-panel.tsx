'use client';
import type { ItemDraft, ServerItemCopy } from '@/components/editor/item-draft';
import { Button } from '@/components/ui/button';
import { formatBeijingDateTime } from '@/lib/dates';
import { formatSources } from '@/lib/render-body';
import { getBodyParagraphs } from '@/lib/item-body-text';

function Version({ heading, title, sources, paragraphs, testId }: {
  heading: string;
  title: string;
  sources: string[];
  paragraphs: string[];
  testId: string;
}) {
  return (
    <section className="min-w-0 flex-1 rounded-md border border-border bg-white p-3" data-testid={testId}>
      <h3 className="mb-2 text-sm font-semibold text-muted-foreground">{heading}</h3>
      <p className="font-semibold">{title || '（无标题）'}</p>
      <div className="mt-2 max-h-72 space-y-2 overflow-auto text-sm">
        {paragraphs.map((p, i) => (
          <p key={i} className="whitespace-pre-wrap">
            {p}
          </p>
        ))}
      </div>
      {sources.length > 0 && <p className="mt-2 text-sm">{formatSources(sources)}</p>}
    </section>
  );
}

/** Both texts side by side; nothing is saved until the user picks one. */
export function ConflictPanel({
  mine,
  server,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: ItemDraft;
  server: ServerItemCopy;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const savedAt = formatBeijingDateTime(server.updatedAt);
  return (
    <div role="alertdialog" aria-labelledby="conflict-heading" className="rounded-lg border-2 border-danger bg-red-50 p-4">
      <h2 id="conflict-heading" className="font-semibold text-danger">
        保存冲突：{server.lastEditor ?? '他人'}于 {savedAt} 修改了这篇稿件（第{server.version}版）
      </h2>
      <p className="mt-1 text-sm">自动保存已暂停。请对照两个版本后选择；未采用的文本不会丢失，会保留在页面上供复制。</p>
      <div className="mt-3 flex flex-col gap-3 md:flex-row">
        <Version heading="您的版本（未保存）" title={mine.title} sources={mine.sources} paragraphs={getBodyParagraphs(mine.body)} testId="conflict-mine" />
        <Version
          heading={`服务器上的版本（${server.lastEditor ?? '他人'}）`}
          title={server.title}
          sources={server.sources}
          paragraphs={getBodyParagraphs(server.body)}
          testId="conflict-theirs"
        />
      </div>
      <div className="mt-3 flex gap-3">
        <Button type="button" onClick={onKeepMine}>
          保留我的版本
        </Button>
        <Button type="button" variant="outline" onClick={onTakeTheirs}>
          采用对方的版本
        </Button>
      </div>
    </div>
  );
}
