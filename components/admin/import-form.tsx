'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { Action } from '@/lib/action-result';
import type { importIssuesAction, previewImportAction } from '@/lib/actions/imports';
import type { ImportFilePreview, ImportPreview, ImportResult } from '@/lib/data/imports';
import { IMPORT_LIMITS } from '@/lib/import/limits';

type Run<T> = Action<FormData, T>;

const STATUS: Record<ImportFilePreview['status'], { label: string; className: string }> = {
  ready: { label: '可导入', className: 'border-green-200 bg-green-50 text-green-800' },
  duplicate: { label: '已导入，将跳过', className: '' },
  conflict: { label: '不能导入', className: 'border-red-200 bg-red-50 text-danger' },
  invalid: { label: '无法识别', className: 'border-red-200 bg-red-50 text-danger' },
};

const DROPPED: Record<ImportFilePreview['dropped'][number]['reason'], string> = { page: '页码', link: '链接', header: '页眉' };
const DOUBTFUL = { label: '可导入 · 需核对', className: 'border-amber-300 bg-amber-50 text-amber-800' };

function toFormData(publicationId: number, files: File[], fingerprints?: string[]): FormData {
  const form = new FormData();
  form.append('publicationId', String(publicationId));
  for (const file of files) form.append('files', file);
  for (const fingerprint of fingerprints ?? []) form.append('fingerprints', fingerprint);
  return form;
}

/**
 * Legacy import: choose files, see what was recognised in each (nothing is written), then
 * confirm. The confirmation sends the same files with the fingerprints of the preview, so the
 * server imports exactly what was shown or nothing.
 */
export function ImportForm({
  publicationId,
  preview: runPreview,
  importIssues: runImport,
}: {
  /** The publication whose archive receives the issues. */
  publicationId: number;
  preview: typeof previewImportAction;
  importIssues: typeof importIssuesAction;
}) {
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function choose(list: FileList | null) {
    setFiles(list ? [...list] : []);
    setPreview(null);
    setResult(null);
    setError(null);
  }

  function call<T>(run: Run<T>, form: FormData, onOk: (data: T) => void) {
    setError(null);
    const total = files.reduce((n, f) => n + f.size, 0);
    if (files.length > IMPORT_LIMITS.files || total > IMPORT_LIMITS.totalBytes) {
      setError(`一次最多 ${IMPORT_LIMITS.files} 个文件、合计 ${IMPORT_LIMITS.totalBytes / 1024 / 1024} MB；请分批导入，大批历史文件可用命令行 npm run import。`);
      return;
    }
    startTransition(async () => {
      try {
        const response = await run(form);
        if (response.ok) onOk(response.data);
        else {
          setError(response.message);
          if (response.details && typeof response.details === 'object' && 'files' in response.details) setPreview(response.details as ImportPreview);
        }
      } catch {
        setError('上传失败（文件可能过大或网络中断），请重试。');
      }
    });
  }

  const ready = preview?.files.filter((f) => f.status === 'ready') ?? [];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">历史期次文件</span>
          <input
            type="file"
            name="files"
            multiple
            accept=".docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
            onChange={(event) => choose(event.currentTarget.files)}
            className="text-sm"
            aria-describedby="import-help"
          />
        </label>
        <Button type="button" variant="outline" disabled={!files.length || isPending} onClick={() => call(runPreview, toFormData(publicationId, files), setPreview)}>
          {isPending && !preview ? '正在识别…' : '预览'}
        </Button>
      </div>
      <p id="import-help" className="text-xs text-muted-foreground">
        Word 文件（.docx），或从印刷版 PDF 提取的文字（.txt，也可是 .md）。每个文件一期；先预览识别结果，确认后才写入。
      </p>
      <FormError message={error} />

      {result && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm" data-testid="import-result">
          <p>
            已导入 {result.imported.length} 期
            {result.skipped.length > 0 && `，跳过 ${result.skipped.length} 个已导入过的文件`}。
          </p>
          <ul className="mt-1 list-disc pl-5">
            {result.imported.map((issue) => (
              <li key={issue.issueId}>
                <Link href={`/published/${issue.issueId}`} className="text-brand underline">
                  {issue.year}年第{issue.yearNumber}期（总第{issue.totalNumber}期）
                </Link>
                <span className="ml-1 text-muted-foreground">{issue.fileName}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview && !result && (
        <section aria-label="导入预览" className="space-y-3" data-testid="import-preview">
          {preview.notes.map((note) => (
            <p key={note} className="rounded-md bg-muted px-3 py-2 text-sm">
              {note}
            </p>
          ))}
          <ul className="space-y-3">
            {preview.files.map((file, index) => (
              <li key={index} className="rounded-lg border border-border bg-white px-4 py-3 text-sm" data-testid="import-file">
                <div className="flex flex-wrap items-center gap-2">
                  {file.status === 'ready' && file.doubts.length > 0 ? (
                    <Badge className={DOUBTFUL.className}>{DOUBTFUL.label}</Badge>
                  ) : (
                    <Badge className={STATUS[file.status].className}>{STATUS[file.status].label}</Badge>
                  )}
                  <span className="font-medium">{file.fileName}</span>
                  {file.issue && (
                    <span>
                      {file.issue.year}年 第{file.issue.yearNumber}期（总第{file.issue.totalNumber}期） · {file.issue.issueDate} · {file.issue.itemCount} 篇稿件 ·
                      编辑：{file.issue.editorName || '—'} · 审核：{file.issue.reviewerName || '—'}
                    </span>
                  )}
                </div>
                {file.messages.map((message) => (
                  <p key={message} className={file.status === 'duplicate' ? 'mt-1 text-muted-foreground' : 'mt-1 text-danger'}>
                    {message}
                  </p>
                ))}
                {file.doubts.map((doubt) => (
                  <p key={doubt} className="mt-1 font-medium text-amber-800" data-testid="import-doubt">
                    需核对：{doubt}
                  </p>
                ))}
                {file.warnings.map((warning) => (
                  <p key={warning} className="mt-1 text-amber-700">
                    注意：{warning}
                  </p>
                ))}
                {file.dropped.length > 0 && (
                  <details className="mt-1" data-testid="import-dropped">
                    <summary className="cursor-pointer text-muted-foreground">已略去 {file.dropped.length} 行（页码、链接、页眉，不会保存）</summary>
                    <ul className="mt-1 space-y-0.5 pl-4 text-xs text-muted-foreground">
                      {file.dropped.map((line, d) => (
                        <li key={d} className="break-all">
                          <span className="mr-1 rounded bg-muted px-1">{DROPPED[line.reason]}</span>
                          {line.text}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {file.issue && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-muted-foreground">将要保存的内容</summary>
                    {file.issue.contentsLines.length > 0 && (
                      <p className="mt-2 text-xs text-muted-foreground">目录提要：{file.issue.contentsLines.join(' / ')}</p>
                    )}
                    {file.issue.sections.map((section) => (
                      <div key={section.name} className="mt-2">
                        <div className="font-medium">{section.isLead ? `${section.name}（要闻，不印栏目名）` : `【${section.name}】`}</div>
                        {section.columns.map((column, c) => (
                          <div key={c} className="pl-3">
                            {column.name && <div className="text-muted-foreground">专栏：{column.name}</div>}
                            <ol className="list-decimal pl-5">
                              {column.items.map((item, i) => (
                                <li key={i} data-testid="import-item">
                                  <details>
                                    <summary className="cursor-pointer">
                                      <span className="font-medium">{item.title}</span>
                                      {item.subtitle && ` ${item.subtitle}`}
                                      <span className="ml-1 text-xs text-muted-foreground">
                                        {item.characterCount} 字 · {item.paragraphs.length} 段 · 来源：{item.sources.length ? item.sources.join('、') : '—'}
                                      </span>
                                    </summary>
                                    <div className="mt-1 space-y-1 border-l-2 border-border pl-3 text-xs leading-relaxed">
                                      {item.paragraphs.map((paragraph, k) => (
                                        <p key={k} className="indent-[2em]">
                                          {paragraph}
                                        </p>
                                      ))}
                                      {item.sources.length > 0 && <p className="text-muted-foreground">来源：（{item.sources.join('、')}）</p>}
                                    </div>
                                  </details>
                                </li>
                              ))}
                            </ol>
                          </div>
                        ))}
                      </div>
                    ))}
                    {file.issue.distribution.length > 0 && (
                      <p className="mt-2 text-xs text-muted-foreground">分送：{file.issue.distribution.join(' / ')}</p>
                    )}
                  </details>
                )}
              </li>
            ))}
          </ul>
          <div className="flex items-center gap-3">
            <Button
              type="button"
              disabled={!preview.canImport || isPending}
              onClick={() => call(runImport, toFormData(publicationId, files, ready.map((f) => f.fingerprint!)), setResult)}
            >
              {isPending ? '正在导入…' : `确认导入 ${ready.length} 期`}
            </Button>
            {!preview.canImport && (
              <span className="text-sm text-muted-foreground">
                {ready.length ? '有文件不能导入：请去掉或改正后重新选择。' : '没有需要导入的新期次。'}
              </span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
