// Renders issue 2023 第14期 (from ../shared/fixtures/issues/2023-14.txt) with the print
// template, to look at the layout without a database:
//   tsx scripts/render-sample-issue.ts out.html [out.pdf] [--draft]
// The HTML refers to its fonts under http://print.invalid/fonts (open it through the app's
// /fonts route by replacing that prefix); the PDF is printed offline by Chromium
// (CHROMIUM_PATH, /usr/bin/chromium by default) with the fonts read from disk.
import { writeFileSync } from 'node:fs';
import { renderIssueHtml } from '@/lib/export/print-template';
import { closePdfBrowser } from '@/lib/export/pdf';
import { buildFixturePrintIssue, printHtmlToPdf, PRINT_FONT_BASE_URL } from '@/test/support/print-issue-fixture';

async function main() {
  const args = process.argv.slice(2);
  const isDraft = args.includes('--draft');
  const [htmlPath, pdfPath] = args.filter((arg) => arg !== '--draft');
  if (!htmlPath) {
    console.error('usage: tsx scripts/render-sample-issue.ts out.html [out.pdf] [--draft]');
    process.exit(2);
  }
  const html = renderIssueHtml(buildFixturePrintIssue(), { fontBaseUrl: PRINT_FONT_BASE_URL, isDraft });
  writeFileSync(htmlPath, html);
  console.log(`wrote ${htmlPath}`);
  if (pdfPath) {
    writeFileSync(pdfPath, await printHtmlToPdf(html));
    console.log(`wrote ${pdfPath}`);
  }
}

try {
  await main();
} finally {
  await closePdfBrowser();
}
