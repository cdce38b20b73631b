// The legacy import on issues it has never seen: the corpus of test/support/import-corpus.ts
// (the fixtures printed by the PDF export and read back with pdftotext, with page numbers as
// `- N -`, page-top spaces, link lines and no 版记; and a real extraction of drafted items).
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '@/lib/export/pdf';
import { parseIssueBlocks } from '@/lib/import/parse-issue';
import { buildImportCorpora, flattenParsed, scoreImport, type ImportCorpus } from './support/import-corpus';
import { hasChromium } from './support/print-issue-fixture';

const parse = (corpus: ImportCorpus) =>
  parseIssueBlocks(corpus.text.split('\n').map((text) => ({ text })), { leadSectionName: '要闻', knownColumns: ['首都科技工作者沙龙'] });

afterAll(() => closePdfBrowser());

describe.skipIf(!hasChromium())('importing extracted PDFs', () => {
  it('every item, title, section, source and paragraph exact; links dropped and listed, never stored', async () => {
    const corpora = await buildImportCorpora();
    expect(corpora).toHaveLength(3);
    for (const corpus of corpora) {
      const result = parse(corpus);
      expect(result.errors).toEqual([]);
      expect(result.doubts).toEqual([]);
      const score = scoreImport(corpus, result.issue);
      expect(score.misses, corpus.name).toEqual([]);
      expect(score.items[0]).toBe(score.items[1]);
      expect(score.extraItems).toBe(0);
      const stored = JSON.stringify(result.issue);
      expect(stored).not.toMatch(/https?:|www\./);
      for (const line of corpus.noise) expect(result.dropped).toContainEqual({ text: line, reason: 'link' });
    }
    // No 版记 in the 2023-14 corpus: nothing made up.
    const withoutClosing = parse(corpora[0]!).issue!;
    expect([withoutClosing.editorName, withoutClosing.reviewerName, withoutClosing.distribution]).toEqual(['', '', []]);
    expect(flattenParsed(withoutClosing).map((item) => item.section)).toEqual([null, null, '学会动态', '学会动态', '区科协动态', '区科协动态', '区科协动态']);
  }, 180_000);
});
