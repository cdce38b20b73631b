'use client';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The print template in a sandboxed frame: no scripts run inside it; same origin only so the
 * fonts under /fonts load. The frame prints itself with the browser's print dialog.
 */
export function PrintPreview({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <div className="space-y-3">
      <Button type="button" variant="outline" size="sm" onClick={() => frame.current?.contentWindow?.print()}>
        打印
      </Button>
      <iframe
        ref={frame}
        title={title}
        srcDoc={html}
        sandbox="allow-same-origin allow-modals"
        className="h-[80vh] w-full rounded-lg border border-border bg-neutral-200"
        data-testid="print-preview"
      />
    </div>
  );
}
