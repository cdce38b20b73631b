// PDF export: the print template printed by the system Chromium (no browser download).
//
// Speed: one browser is kept warm, and so are a few pages in one script-less context. An
// export writes its document into a warm page (document.write) instead of loading a new one;
// the page keeps its @font-face rules and the fonts it already decoded, so the cost is close to
// Chromium's own print of the finished document (see `npm run bench:export`).
//
// Safety: page scripts are disabled, and the only resources a page can reach are the
// project's own font files, answered from memory — it loads nothing from the network or the
// file system, whatever an item contains. Exports run at most LIMITS.concurrent at a time,
// with a bounded queue and a timeout.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppError } from '@/lib/errors';
import { fontFaceCss, fontFileForUrl } from '@/lib/export/fonts';
import type { PrintIssue } from '@/lib/export/print-issue';
import { renderIssueHtml } from '@/lib/export/print-template';
import { getToolEnv } from '@/lib/env';

/** Never a real host: every request a page makes is intercepted. */
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
const idlePages: Page[] = [];
/** Font files read once per process: every export embeds subsets of the same few fonts. */
const fontBytes = new Map<string, Buffer>();
/** Requests a page tried to make for anything but a font (tests check that nothing tries). */
let blockedRequests = 0;

export function getBlockedRequestCount(): number {
  return blockedRequests;
}

function reset() {
  browser = undefined;
  context = undefined;
  idlePages.length = 0;
}

function getContext(): Promise<BrowserContext> {
  context ??= (async () => {
    browser ??= chromium.launch({
      executablePath: getToolEnv().CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    });
    const launched = await browser;
    launched.on('disconnected', reset);
    const created = await launched.newContext({ javaScriptEnabled: false });
    await created.route('**/*', async (route) => {
      const font = fontFileForUrl(route.request().url(), PDF_FONT_BASE_URL);
      if (!font || !existsSync(font.filePath)) {
        blockedRequests += 1;
        return route.abort('blockedbyclient');
      }
      let body = fontBytes.get(font.filePath);
      if (!body) {
        body = await readFile(font.filePath);
        fontBytes.set(font.filePath, body);
      }
      return route.fulfill({ body, contentType: font.contentType });
    });
    return created;
  })();
  context.catch(reset);
  return context;
}

/**
 * A page that keeps the fonts' @font-face rules in an adopted style sheet: it survives the
 * document.write of every export, so the rules are parsed and the fonts decoded once per page.
 */
async function newWarmPage(): Promise<Page> {
  const page = await (await getContext()).newPage();
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [sheet];
  }, fontFaceCss(PDF_FONT_BASE_URL));
  return page;
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

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PDF export took over ${LIMITS.timeoutMs} ms`)), LIMITS.timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The PDF of an issue: the print template, printed. */
export function renderIssuePdf(issue: PrintIssue, options: { isDraft?: boolean } = {}): Promise<Buffer> {
  return renderPdf(renderIssueHtml(issue, { fontBaseUrl: PDF_FONT_BASE_URL, isDraft: options.isDraft, omitFontFaces: true }));
}

/**
 * Prints a finished HTML document from renderIssueHtml with PDF_FONT_BASE_URL (its @font-face
 * rules may be omitted: the warm page has them) to PDF.
 */
export function renderPdf(html: string): Promise<Buffer> {
  return withSlot(async () => {
    const page = idlePages.pop() ?? (await newWarmPage());
    let isHealthy = false;
    try {
      const pdf = await withTimeout(
        (async () => {
          // Page scripts are off; this runs through the DevTools protocol, and document.write
          // parses the markup without executing anything in it.
          await page.evaluate((documentHtml) => {
            document.open();
            document.write(documentHtml);
            document.close();
          }, html);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          return page.pdf({ preferCSSPageSize: true, printBackground: true });
        })(),
      );
      isHealthy = true;
      return pdf;
    } catch (error) {
      console.error('PDF export failed', error);
      throw new AppError('EXPORT_FAILED', '生成 PDF 失败，请稍后重试。');
    } finally {
      if (isHealthy) idlePages.push(page);
      else await page.close().catch(() => {});
    }
  });
}

/** Closes the warm browser (scripts and tests call this before exiting). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  reset();
  if (current) await (await current).close().catch(() => {});
}
