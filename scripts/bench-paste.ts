// `npm run bench:paste`: how many paragraphs the plain-text paste rebuilds exactly from
// hard-wrapped print text with known paragraphs (test/support/paste-corpus.ts): the drafted
// items of items/2023-02-items.txt, and the real issues 2023-14 and 2023-07 printed by the PDF
// export and read back with pdftotext (also double-spaced). Prints `k of N paragraphs exact` per
// corpus and in all,
// and the paragraphs that did not come out exactly. Needs Chromium and pdftotext.
import { closePdfBrowser } from '@/lib/export/pdf';
import { parsePlainTextPaste } from '@/lib/paste/plain-text-paste';
import { cutPrintedItems, PRINTED_ISSUES, readItemsFixtureCases, readPrintedIssueText, scorePaste, type PasteCase } from '@/test/support/paste-corpus';

const parse = (text: string) => parsePlainTextPaste(text).paragraphs;

async function main() {
  // [name, cases, whether it repeats paragraphs counted already]
  const corpora: [string, PasteCase[], boolean][] = [['items/2023-02-items.txt (PDF extraction, double-spaced)', readItemsFixtureCases(), false]];
  for (const name of PRINTED_ISSUES) {
    const cases = cutPrintedItems(name, await readPrintedIssueText(name));
    corpora.push([`issues/${name} (printed by the export, pdftotext)`, cases, false]);
    // The same with a blank line after every line, as some PDF readers copy it.
    corpora.push([`issues/${name} (the same, double-spaced)`, cases.map((c) => ({ ...c, text: c.text.split('\n').join('\n\n') })), true]);
  }
  let exact = 0;
  let total = 0;
  for (const [name, cases, isRepeat] of corpora) {
    const score = scorePaste(cases, parse);
    if (!isRepeat) {
      exact += score.exact;
      total += score.total;
    }
    console.log(`${name}: ${score.exact} of ${score.total} paragraphs exact (${cases.length} items)`);
    for (const miss of score.misses) console.log(`  missed in ${miss.label}: ${miss.paragraph.slice(0, 40)}…`);
  }
  console.log(`paste_paragraphs_exact=${exact} of ${total} (distinct paragraphs; the double-spaced copies not counted again)`);
}

try {
  await main();
} finally {
  await closePdfBrowser();
}
