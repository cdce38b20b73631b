// PDF export: the print template printed by the system Chromium (no browser download).
// One browser and one script-less context are kept warm and reused; each export gets a fresh
// page. The only resources a page can reach are the project's own font files, answered from
// memory — it loads nothing from the network or the file system, whatever an item contains.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { AppError } from '@/lib/errors';
import { fontFileForUrl } from '@/lib/export/fonts';

/** Never a real host: every request the page makes is intercepted. */
export const PDF_FONT_BASE_URL = 'http://print.invalid/fonts';

const LIMITS = {
  /** Exports printed at the same time (the machine has 2 cores). */
  concurrent: 2,
  /** Exports waiting for their turn before new ones are refused. */
  queued: 20,
  timeoutMs: 30_000,
};

let browser: Promise<Browser> | undefined;
let context: Promise<BrowserContext> | undefined;
/** Font files read once per process: every export embeds subsets of the same few fonts. */
const fontBytes = new Map<string, Buffer>();

function launch(): Promise<Browser> {
  const launching = chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  launching
    .then((b) =>
      b.on('disconnected', () => {
        browser = undefined;
        context = undefined;
      }),
    )
    .catch(() => (browser = undefined));
  return launching;
}

/**
 * One script-less context for all exports, so Chromium keeps the decoded fonts between them.
 * Its only reachable resources are the font files; every other request is refused.
 */
function getContext(): Promise<BrowserContext> {
  context ??= (async () => {
    browser ??= launch();
    const created = await (await browser).newContext({ javaScriptEnabled: false });
    await created.route('**/*', async (route) => {
      const font = fontFileForUrl(route.request().url(), PDF_FONT_BASE_URL);
      if (!font || !existsSync(font.filePath)) return route.abort('blockedbyclient');
      let body = fontBytes.get(font.filePath);
      if (!body) {
        body = await readFile(font.filePath);
        fontBytes.set(font.filePath, body);
      }
      return route.fulfill({ body, contentType: font.contentType, headers: { 'cache-control': 'max-age=31536000, immutable' } });
    });
    return created;
  })();
  context.catch(() => (context = undefined));
  return context;
}

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= LIMITS.concurrent) {
    if (waiting.length >= LIMITS.queued) throw new AppError('RATE_LIMITED', '导出任务过多，请稍后再试。');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Prints a finished HTML document (from renderIssueHtml with PDF_FONT_BASE_URL) to PDF. */
export function renderPdf(html: string): Promise<Buffer> {
  return withSlot(async () => {
    const page = await (await getContext()).newPage();
    const timer = setTimeout(() => void page.close(), LIMITS.timeoutMs);
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: LIMITS.timeoutMs });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } catch (error) {
      if (error instanceof AppError) throw error;
      console.error('PDF export failed', error);
      throw new AppError('EXPORT_FAILED', '生成 PDF 失败，请稍后重试。');
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => {});
    }
  });
}

/** Closes the warm browser (scripts and tests call this before exiting). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = undefined;
  context = undefined;
  if (current) await (await current).close().catch(() => {});
}
