// The plain-text paste measured on hard-wrapped print text with known paragraphs
// (test/support/paste-corpus.ts; `npm run bench:paste` prints the same figures).
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlainTextPaste } from '@/lib/paste/plain-text-paste';
import { closePdfBrowser } from '@/lib/export/pdf';
import { cutPrintedItems, PRINTED_ISSUES, readItemsFixtureCases, readPrintedIssueText, scorePaste } from './support/paste-corpus';
import { hasChromium } from './support/print-issue-fixture';

const parse = (text: string) => parsePlainTextPaste(text).paragraphs;

afterAll(() => closePdfBrowser());

describe('pasting items/2023-02-items.txt', () => {
  it('rebuilds all 24 paragraphs of the five items exactly', () => {
    const cases = readItemsFixtureCases();
    expect(cases.map((c) => c.paragraphs.length)).toEqual([8, 4, 5, 3, 4]);
    expect(scorePaste(cases, parse)).toEqual({ exact: 24, total: 24, misses: [] });
  });
});

describe.skipIf(!hasChromium())('pasting items copied out of the printed issues', () => {
  it.each(PRINTED_ISSUES)('rebuilds the paragraphs of every item of %s', async (name) => {
    const cases = cutPrintedItems(name, await readPrintedIssueText(name));
    expect(cases.length).toBe(name === '2023-14.txt' ? 7 : 6);
    for (const spacing of ['\n', '\n\n']) {
      const score = scorePaste(cases.map((c) => ({ ...c, text: c.text.split('\n').join(spacing) })), parse);
      // Includes "…做出了突出贡献。" (26 wide, "2023年" did not fit after it) then "2023年，希望…
      // 奋发有" (26 only with its digits counted as half): one paragraph, not two.
      expect(score.misses).toEqual([]);
      expect(score.exact).toBe(score.total);
    }
  }, 120_000);
});
