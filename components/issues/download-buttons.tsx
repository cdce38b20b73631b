'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Downloads a file while showing that it is being produced (the first PDF takes a moment). */
function DownloadButton({ href, label }: { href: string; label: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  async function onClick() {
    setState('busy');
    try {
      const response = await fetch(href);
      if (!response.ok) throw new Error(String(response.status));
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'download');
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      setState('idle');
    } catch {
      setState('error');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" size="sm" variant="outline" onClick={() => void onClick()} disabled={state === 'busy'} aria-busy={state === 'busy'}>
        {state === 'busy' ? `正在生成${label}…` : `下载 ${label}`}
      </Button>
      {state === 'error' && (
        <span role="alert" className="text-xs text-danger">
          下载失败，请重试。
        </span>
      )}
    </span>
  );
}

export function DownloadButtons({ issueId, isPublished }: { issueId: number; isPublished: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-2" data-testid="downloads">
      <DownloadButton href={`/api/issues/${issueId}/export/pdf`} label={isPublished ? 'PDF' : 'PDF 样稿'} />
      <DownloadButton href={`/api/issues/${issueId}/export/docx`} label={isPublished ? 'DOCX' : 'DOCX 样稿（含修订）'} />
    </span>
  );
}
