// `npm run bench:export`: export speed and memory for a ~10-page issue (2023-14 plus one more
// section; without ../shared/fixtures beside the checkout, the demo's items repeated to the same
// length), in one run. Needs nothing but `npm ci` and Chromium. Prints figures; asserts nothing.
// The last line is pdf_vs_floor_ratio.
//
//   pdf_cold_ms   first export: browser launch, page, fonts, print
//   pdf_warm_ms   median of later exports through renderIssuePdf (the app's path)
//   floor_ms      median of Chromium printing the same finished, loaded document (page.pdf only)
//   docx_ms       median DOCX render
//   libreoffice_docx_to_pdf_ms  median of 3 conversions of that DOCX to PDF by LibreOffice Writer
//                 (soffice --headless --convert-to pdf, a fresh profile each time): the office's
//                 old path to a PDF, the anchor for pdf_warm_ms; n/a without soffice
//   node_rss_max_mb / node_and_chromium_pss_max_mb   peak memory while exporting 10 issues in a row
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { renderIssueDocx } from '@/lib/export/docx';
import { fontFileForUrl } from '@/lib/export/fonts';
import { closePdfBrowser, PDF_FONT_BASE_URL, renderIssuePdf } from '@/lib/export/pdf';
import type { PrintIssue } from '@/lib/export/print-issue';
import { renderIssueHtml } from '@/lib/export/print-template';
import { buildFixturePrintIssue } from '@/test/support/print-issue-fixture';
import { FIXTURE_ISSUES_DIR } from '@/test/support/issue-fixture';
import { convertDocxWithLibreOffice, findSoffice, officeFontEnv } from '@/test/support/office-pdf';
import { getToolEnv } from '@/lib/env';
import { DEMO_ITEMS } from '@/prisma/seed';

const chromiumPath = getToolEnv().CHROMIUM_PATH;
if (!existsSync(chromiumPath)) {
  console.error(`bench:export needs Chromium at ${chromiumPath} (Debian: apt-get install chromium; or set CHROMIUM_PATH).`);
  process.exit(1);
}

const RUNS = 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const hasFixtures = existsSync(FIXTURE_ISSUES_DIR);

/** The demo's items, each section's repeated, to about the length of a real issue. */
function demoIssueOfAboutTenPages(): PrintIssue {
  const bySection = new Map<string, typeof DEMO_ITEMS>();
  for (const item of DEMO_ITEMS) bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);
  const sections = [...bySection].map(([name, items], index) => ({
    name,
    isLead: index === 0,
    columns: [
      {
        name: null,
        items: Array.from({ length: 6 }, (_, n) => items.map((item) => ({
          title: `${item.title}（${n + 1}）`,
          subtitle: null,
          sources: item.sources,
          body: { type: 'doc' as const, content: [...item.paragraphs, ...item.paragraphs].map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) },
        }))).flat(),
      },
    ],
  }));
  // The masthead and 版记 of the real 2023 第14期, with the demo's sections and a shorter 分送.
  return {
    ...buildFixturePrintIssue(),
    contentsLines: [...bySection.keys()],
    sections,
    distribution: ['市科协第十届委员会主席、副主席、常委、委员', '市科协驻会领导'],
  };
}

function issueOfAboutTenPages(totalNumber: number): PrintIssue {
  if (!hasFixtures) return { ...demoIssueOfAboutTenPages(), totalNumber };
  const issue = buildFixturePrintIssue();
  const extra = issue.sections.at(-1)!;
  return { ...issue, totalNumber, sections: [...issue.sections, { ...extra, name: '基层组织动态' }] };
}

/**
 * Memory of this process and every descendant (Chromium's processes), in MB: proportional set
 * size, so pages shared between Chromium's processes are not counted once per process.
 */
function treeRssMb(): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const pssKb = (pid: number) => {
    try {
      return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0; // the process ended meanwhile
    }
  };
  return [...inTree].reduce((sum, pid) => sum + pssKb(pid), 0) / 1024;
}

function nodeRssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

const issue = issueOfAboutTenPages(67);
const html = renderIssueHtml(issue, { fontBaseUrl: PDF_FONT_BASE_URL });

let started = performance.now();
const firstPdf = await renderIssuePdf(issue);
const coldMs = performance.now() - started;
const pages = firstPdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  started = performance.now();
  await renderIssuePdf(issue);
  warm.push(performance.now() - started);
}

const docx: number[] = [];
for (let i = 0; i < RUNS + 3; i++) {
  started = performance.now();
  await renderIssueDocx(issue);
  if (i >= 3) docx.push(performance.now() - started);
}

// The office's old path: the DOCX printed to PDF by LibreOffice Writer, with the Chinese faces
// the office has (a stand-in, see officeFontEnv). One conversion first builds the font cache.
const soffice = findSoffice();
const libreOffice: number[] = [];
if (soffice) {
  const fonts = await officeFontEnv();
  try {
    const docxFile = await renderIssueDocx(issue);
    convertDocxWithLibreOffice(soffice, docxFile, fonts.env);
    for (let i = 0; i < 3; i++) libreOffice.push(convertDocxWithLibreOffice(soffice, docxFile, fonts.env).ms);
  } finally {
    fonts.dispose();
  }
}

// The floor: the same document already loaded in a page, timing only Chromium's print.
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ javaScriptEnabled: false });
await page.route('**/*', (route) => {
  const font = fontFileForUrl(route.request().url(), PDF_FONT_BASE_URL);
  return font ? route.fulfill({ body: readFileSync(font.filePath), contentType: font.contentType }) : route.abort();
});
await page.setContent(html, { waitUntil: 'load' });
await page.evaluate(() => document.fonts.ready.then(() => undefined));
await page.pdf({ preferCSSPageSize: true, printBackground: true });
const floor: number[] = [];
for (let i = 0; i < RUNS; i++) {
  started = performance.now();
  await page.pdf({ preferCSSPageSize: true, printBackground: true });
  floor.push(performance.now() - started);
}
await browser.close();

// Ten different issues in a row, as a busy publication day would bring.
let rssMax = treeRssMb();
let nodeMax = nodeRssMb();
for (let n = 0; n < 10; n++) {
  const other = issueOfAboutTenPages(100 + n);
  await renderIssuePdf(other);
  await renderIssueDocx(other);
  rssMax = Math.max(rssMax, treeRssMb());
  nodeMax = Math.max(nodeMax, nodeRssMb());
}
await closePdfBrowser();

console.log(`issue_source=${hasFixtures ? 'fixture 2023-14' : 'demo items (no ../shared/fixtures)'}`);
console.log(`issue_pages=${pages}`);
console.log(`pdf_cold_ms=${coldMs.toFixed(0)}`);
console.log(`pdf_warm_ms=${median(warm).toFixed(0)}`);
console.log(`floor_ms=${median(floor).toFixed(0)}`);
console.log(`docx_ms=${median(docx).toFixed(1)}`);
console.log(`libreoffice_docx_to_pdf_ms=${libreOffice.length ? median(libreOffice).toFixed(0) : 'n/a (soffice not installed)'}`);
if (libreOffice.length) console.log(`libreoffice_vs_pdf_warm_ratio=${(median(libreOffice) / median(warm)).toFixed(1)}`);
console.log(`node_rss_max_mb=${nodeMax.toFixed(0)}`);
console.log(`node_and_chromium_pss_max_mb=${rssMax.toFixed(0)}`);
console.log(`pdf_vs_floor_ratio=${(median(warm) / median(floor)).toFixed(2)}`);
