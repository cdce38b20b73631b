'use client';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * pdf.js, loaded only by this page. Its worker runs in the page (a "fake worker"): the CSP
 * allows no worker script, and an issue of a few pages does not need another thread.
 */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return pdfjs;
}

/**
 * A page's text as lines in reading order, top to bottom and left to right (for screen
 * readers and tests): Chromium writes the page number before the body, so the PDF's own
 * order is not the order of reading.
 */
async function getPageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  const lines: { y: number; runs: { x: number; text: string }[] }[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const { str, transform, height } = item as TextItem;
    const [x, y] = [transform[4]!, transform[5]!];
    const line = lines.find((l) => Math.abs(l.y - y) <= Math.max(2, height / 3));
    if (line) line.runs.push({ x, text: str });
    else lines.push({ y, runs: [{ x, text: str }] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => line.runs.sort((a, b) => a.x - b.x).map((run) => run.text).join(''))
    .join('\n');
}

interface RenderedPage {
  number: number;
  text: string;
}

/** One page drawn on a canvas as wide as the column, sharp on high-density screens. */
function PdfPage({ doc, page, width }: { doc: PDFDocumentProxy; page: RenderedPage; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let isCurrent = true;
    let cancel: (() => void) | undefined;
    void doc.getPage(page.number).then((pdfPage) => {
      const element = canvas.current;
      if (!isCurrent || !element || !width) return;
      const scale = (width * window.devicePixelRatio) / pdfPage.getViewport({ scale: 1 }).width;
      const viewport = pdfPage.getViewport({ scale });
      element.width = Math.floor(viewport.width);
      element.height = Math.floor(viewport.height);
      const task = pdfPage.render({ canvas: element, viewport });
      cancel = () => task.cancel();
      task.promise.catch(() => undefined);
    });
    return () => {
      isCurrent = false;
      cancel?.();
    };
  }, [doc, page.number, width]);
  return (
    <figure className="overflow-hidden rounded-sm bg-white shadow-md" data-testid="preview-page" aria-label={`第${page.number}页`}>
      <canvas ref={canvas} className="block h-auto w-full" aria-hidden />
      <figcaption className="sr-only" data-testid="preview-page-text">
        {page.text}
      </figcaption>
    </figure>
  );
}

/**
 * The PDF itself, page by page: what is previewed is what prints, breaks, page numbers
 * and 版记 included, because it is the same file the download gives.
 */
export function PdfPreview({ pdfUrl }: { pdfUrl: string }) {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error' } | { status: 'ready'; doc: PDFDocumentProxy; pages: RenderedPage[] }
  >({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const column = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = column.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let isCurrent = true;
    let loaded: PDFDocumentProxy | undefined;
    (async () => {
      const response = await fetch(pdfUrl);
      if (!response.ok) throw new Error(String(response.status));
      const data = new Uint8Array(await response.arrayBuffer());
      const pdfjs = await loadPdfJs();
      loaded = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
      const pages: RenderedPage[] = [];
      for (let number = 1; number <= loaded.numPages; number++) {
        pages.push({ number, text: await getPageText(await loaded.getPage(number)) });
      }
      if (isCurrent) setState({ status: 'ready', doc: loaded, pages });
    })().catch(() => {
      if (isCurrent) setState({ status: 'error' });
    });
    return () => {
      isCurrent = false;
      void loaded?.destroy();
    };
  }, [pdfUrl, attempt]);

  return (
    <div className="rounded-lg bg-neutral-200 p-3 sm:p-6">
      {state.status === 'loading' && (
        <p role="status" className="text-sm text-muted-foreground">
          正在生成 PDF 预览，请稍候…
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="flex flex-wrap items-center gap-3 text-sm text-danger">
          预览加载失败。
          <Button
            type="button"
            size="sm"
            variant="outline"
            onClick={() => {
              setState({ status: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            重试
          </Button>
        </p>
      )}
      {state.status === 'ready' && (
        <p className="mb-3 text-sm text-muted-foreground" data-testid="preview-page-count">
          共 {state.pages.length} 页
        </p>
      )}
      <div ref={column} className="mx-auto max-w-[800px] space-y-4" data-testid="print-preview">
        {state.status === 'ready' && state.pages.map((page) => <PdfPage key={page.number} doc={state.doc} page={page} width={width} />)}
      </div>
    </div>
  );
}
