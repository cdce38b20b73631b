import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderIssueDocx } from '@/lib/export/docx';
import type { PrintIssue, PrintItem } from '@/lib/export/print-issue';
import { renderIssuePdf, closePdfBrowser } from '@/lib/export/pdf';
import { layoutTitle } from '@/lib/layout/title';
import { charWidth } from '@/lib/layout/width';
import { formatSources } from '@/lib/render-body';
import { buildDemoPrintIssue } from './support/demo-print-issue';
import { readFixtureIssue } from './support/issue-fixture';
import { convertDocxWithLibreOffice, findSoffice, officeFontEnv, readBlockLines, TEXT_BLOCK, type PrintedLine } from './support/office-pdf';
import { buildFixturePrintIssue, CHROMIUM_PATH, hasChromium } from './support/print-issue-fixture';

const EVIL = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
const mmToTwips = (mm: number) => Math.round(mm * 56.6929);

type Parts = Record<string, string>;

function unzipDocx(docx: Buffer): Parts {
  const files = unzipSync(new Uint8Array(docx));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

function partsMatching(parts: Parts, pattern: RegExp): string[] {
  return Object.entries(parts)
    .filter(([name]) => pattern.test(name))
    .map(([, xml]) => xml);
}

const decodeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each w:p, as a reader sees it (tabs and breaks dropped). */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    decodeXml([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  );
}

/** The runs (w:r, not w:rPr or w:rFonts) of a part. */
const runsOf = (xml: string) => [...xml.matchAll(/<w:r(?: [^>]*)?>[\s\S]*?<\/w:r>/g)].map(([run]) => run);

const squash = (text: string) => text.replace(/\s+/g, '');

// LibreOffice Writer prints the DOCX as an office would; CI installs it (.ci/run) and must not
// skip what follows for want of it.
const soffice = findSoffice();
const canRoundTrip = Boolean(soffice) && hasChromium();
if (!canRoundTrip) {
  const missing = [soffice ? '' : 'LibreOffice (soffice)', hasChromium() ? '' : `Chromium at ${CHROMIUM_PATH}`].filter(Boolean).join(' and ');
  const inCI = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');
  if (inCI) throw new Error(`docx-export: ${missing} missing in CI — .ci/run installs libreoffice-writer-nogui and chromium`);
  console.warn(`docx-export: LibreOffice round trip skipped: ${missing} not installed`);
}

/** Every fixture paragraph, in print order, as printed (the source ends the last one). */
function expectedParagraphs(issue: PrintIssue): string[] {
  const fixture = readFixtureIssue('2023-14.txt');
  // The extracted fixture shows (总第67期); the office prints full-width parentheses.
  const totalLabel = fixture.totalLabel.replace('(', '（').replace(')', '）');
  const expected = [fixture.yearLabel, totalLabel, `北京市科协办公室${fixture.date}`, '目录提要', ...fixture.contents.map((line) => `●${line}`)];
  let section: string | null = null;
  for (const item of fixture.items) {
    if (item.section !== section && item.section !== null) expected.push(`【${item.section}】`);
    section = item.section;
    const paragraphs = [...item.paragraphs];
    paragraphs[paragraphs.length - 1] += formatSources(item.sources);
    expected.push(item.title, ...paragraphs);
  }
  expected.push(`编辑：${fixture.editor}审核：${fixture.reviewer}`, `分送：${fixture.distribution[0]}`, ...fixture.distribution.slice(1));
  expect(issue.editorName).toBe(fixture.editor);
  return expected.map(squash);
}

function itemOf(title: string, body: PrintItem['body'], sources: string[] = []): PrintItem {
  return { title, subtitle: null, body, sources };
}

describe('renderIssueDocx', async () => {
  const issue = buildFixturePrintIssue();
  const docx = await renderIssueDocx(issue);
  const parts = unzipDocx(docx);
  const documentXml = parts['word/document.xml']!;

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a Word package', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
    expect(parts['docProps/core.xml']).toContain('<dc:title>科协每周动态 2023年 第14期</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>北京市科协办公室</dc:creator>');
    expect(parts['docProps/core.xml']).toContain('>2023-04-28T00:00:00Z</dcterms:created>');
  });

  it('prints every paragraph of the issue, in order, one w:p each', () => {
    const actual = paragraphTexts(documentXml).map(squash);
    expect(actual[0]).toBe('科协每周动态');
    let position = 0;
    for (const paragraph of expectedParagraphs(issue)) {
      const found = actual.indexOf(paragraph, position);
      expect(found, `paragraph missing or out of order: ${paragraph.slice(0, 30)}…`).toBeGreaterThanOrEqual(position);
      position = found + 1;
    }
  });

  it('prints a title in its lines, one centred paragraph with a line break', async () => {
    const lead = issue.sections[0]!;
    const item = { ...lead.columns[0]!.items[0]!, title: '市科协召开4月工作\n交流学习会' };
    const xml = unzipDocx(await renderIssueDocx({ ...issue, sections: [{ ...lead, columns: [{ name: null, items: [item] }] }] }))['word/document.xml']!;
    const title = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*>市科协召开4月工作 <\/w:t>[\s\S]*?<\/w:p>/)![0];
    const parts = [...title.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '↵');
    // A chosen break stands for a space: it stays at the line's end, unprinted, for readers of the file.
    expect(parts).toEqual(['市科协召开4月工作 ', '↵', '交流学习会']);
    expect(title).toContain('<w:jc w:val="center"/>');
    // The fixture's long title is broken at its space, as in the PDF.
    const auto = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*>丰台区航天科普嘉年华暨 <\/w:t>[\s\S]*?<\/w:p>/)![0];
    expect([...auto.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '↵')).toEqual(['丰台区航天科普嘉年华暨 ', '↵', '云岗地区科普联盟成立仪式举行']);
  });

  it('prints the masthead numbers and the closing block as given', () => {
    const texts = paragraphTexts(documentXml);
    expect(texts).toContain('2023年 第14期');
    expect(texts).toContain('（总第67期）');
    expect(texts).toContain('编辑：张红波审核：李金涛');
    expect(issue.distribution).toHaveLength(4);
    expect(texts.slice(-4)).toEqual([`分送：${issue.distribution[0]}`, ...issue.distribution.slice(1)]);
    // 编辑 at the left, 审核 at a right tab stop at the right margin (less 1 em of 14 pt).
    const names = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*编辑：张红波[\s\S]*?<\/w:p>/)![0];
    expect(names).toContain(`<w:tab w:val="right" w:pos="${11906 - mmToTwips(28) - mmToTwips(26) - 280}"/>`);
    expect(names).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(names).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"/);
    expect(names).toContain('<w:sz w:val="28"/>');
    const last = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*机关各部门及事业单位[\s\S]*?<\/w:p>/)![0];
    expect(last).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
  });

  it('sets the masthead: red, large, bold, letter-spaced; a red rule under publisher and date', () => {
    const name = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?科协每周动[\s\S]*?<\/w:p>/)![0];
    expect(name).toContain('<w:jc w:val="center"/>');
    expect(name).toContain('<w:color w:val="E60012"/>');
    expect(name).toContain('<w:sz w:val="96"/>');
    expect(name).toContain('<w:b/>');
    expect(name).toMatch(/<w:spacing w:val="\d+"\/>/);
    expect(name).toContain('w:eastAsia="方正小标宋简体"');
    const line = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*北京市科协办公室[\s\S]*?<\/w:p>/)![0];
    expect(line).toMatch(/<w:bottom w:val="single" w:color="E60012"/);
    expect(line).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    expect(line.indexOf('北京市科协办公室')).toBeLessThan(line.indexOf('2023年4月28日'));
  });

  it('sets the fonts: eastAsia on every rFonts, and every run names its fonts directly', () => {
    const xmlParts = partsMatching(parts, /^word\/(document|header\d*|footer\d*)\.xml$/);
    expect(xmlParts.length).toBeGreaterThanOrEqual(3);
    for (const xml of xmlParts) {
      const rFonts = xml.match(/<w:rFonts[^>]*>/g) ?? [];
      expect(rFonts.length).toBeGreaterThan(0);
      for (const fonts of rFonts) {
        expect(fonts).toMatch(/ w:eastAsia="[^"]+"/);
        expect(fonts).toMatch(/ w:ascii="[^"]+"/);
        expect(fonts).toMatch(/ w:hAnsi="[^"]+"/);
      }
      for (const run of runsOf(xml)) expect(run, run.slice(0, 200)).toMatch(/^<w:r(?: [^>]*)?><w:rPr><w:rFonts [^>]*w:ascii="[^"]+"[^>]*w:eastAsia="[^"]+"/);
    }
    for (const fonts of parts['word/styles.xml']!.match(/<w:rFonts[^>]*>/g) ?? []) expect(fonts).toContain('w:eastAsia=');
    expect(parts['word/styles.xml']).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    // The office faces by role.
    expect(documentXml).toMatch(/w:eastAsia="黑体"[^]*?【学会动态】/);
    expect(documentXml).toMatch(/w:eastAsia="楷体_GB2312"[^]*?●市科协召开4月工作交流学习会/);
    const body = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*根据市科协深入开展[\s\S]*?<\/w:p>/)![0];
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  it('lays body paragraphs on the grid: exact 579-twip lines, 2-character indent, justified', () => {
    const body = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*根据市科协深入开展[\s\S]*?<\/w:p>/)![0];
    expect(body).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(body).toContain('<w:jc w:val="both"/>');
    const title = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*2023 数字乡村发展与合作大会在京召开[\s\S]*?<\/w:p>/)![0];
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:b/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:keepNext/>');
  });

  it('sets A4, the margins and the document grid', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = documentXml.match(/<w:pgMar [^>]*\/>/)![0];
    expect(margins).toContain(`w:top="${mmToTwips(37)}"`);
    expect(margins).toContain(`w:bottom="${mmToTwips(35)}"`);
    expect(margins).toContain(`w:left="${mmToTwips(28)}"`);
    expect(margins).toContain(`w:right="${mmToTwips(26)}"`);
    // A line grid only (see lib/export/docx.ts on LibreOffice and linesAndChars): 22 lines of
    // 579 twips, and 28 characters of 16 pt tracked on every body run (and in the defaults).
    const grid = documentXml.match(/<w:docGrid [^>]*\/>/)![0];
    expect(grid).toContain('w:linePitch="579"');
    expect(grid).toContain('w:type="lines"');
    expect(grid).not.toContain('w:charSpace');
    const body = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*根据市科协深入开展[\s\S]*?<\/w:p>/)![0];
    const tracking = Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(body)![1]);
    expect(parts['word/styles.xml']!.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)![0]).toContain(`<w:spacing w:val="${tracking}"/>`);
    const pitchTwips = 16 * 20 + tracking;
    const lineWidth = 11906 - mmToTwips(28) - mmToTwips(26);
    expect(28 * pitchTwips).toBeLessThanOrEqual(lineWidth);
    expect(29 * pitchTwips).toBeGreaterThan(lineWidth);
    // Titles are not tracked: 22 characters of 18 pt fit between their 1-character indents.
    const title = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*2023 数字乡村发展与合作大会在京召开[\s\S]*?<\/w:p>/)![0];
    expect(title).not.toMatch(/<w:spacing w:val=/);
    expect(22 * 18 * 20).toBeLessThanOrEqual(lineWidth - 2 * pitchTwips);
  });

  it('keeps the grid where rules are drawn, and punctuation inside the line', () => {
    // Rules add their width and space to a paragraph; the blank line next to them gives it back.
    const contents = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*>目录提要<[\s\S]*?<\/w:p>/)![0];
    expect(contents).toContain(`w:before="${579 - Math.round((17 / 8 + 1) * 20)}"`);
    const names = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*编辑：张红波[\s\S]*?<\/w:p>/)![0];
    expect(names).toContain(`w:before="${579 - Math.round((1 + 1 + 6 / 8 + 1 + 1 + 1) * 20)}"`);
    // An explicit overflowPunct (Word's default) is what stops LibreOffice from hanging ，。 past the margin.
    const body = documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*根据市科协深入开展[\s\S]*?<\/w:p>/)![0];
    expect(body).toMatch(/<w:overflowPunct\/><w:spacing /);
  });

  it('prints no empty 版记 lines: none without distribution, no 版记 without names or distribution', async () => {
    const noDistribution = unzipDocx(await renderIssueDocx({ ...issue, distribution: [' '] }))['word/document.xml']!;
    expect(noDistribution).not.toContain('分送');
    const names = noDistribution.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*编辑：张红波[\s\S]*?<\/w:p>/)![0];
    expect(names).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    const none = unzipDocx(await renderIssueDocx({ ...issue, editorName: '', reviewerName: '', distribution: [] }))['word/document.xml']!;
    expect(none).not.toMatch(/编辑：|审核：|分送/);
    expect(paragraphTexts(none).at(-1)).toBe(paragraphTexts(documentXml).at(-(issue.distribution.length + 2)));
  });

  it('numbers the pages in the footer as - PAGE -, 14 pt', () => {
    const footers = partsMatching(parts, /^word\/footer\d*\.xml$/);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toContain('<w:fldChar w:fldCharType="begin"/>');
      expect(footer).toContain('>- </w:t>');
      expect(footer).toContain('> -</w:t>');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(documentXml).toMatch(/<w:footerReference w:type="default"/);
  });

  it('has no images and no external relationships', () => {
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(documentXml).not.toContain('<w:drawing');
    expect(documentXml).not.toContain('<w:pict');
    for (const rels of partsMatching(parts, /\.rels$/)) expect(rels).not.toContain('TargetMode="External"');
  });

  it('escapes markup in titles, bodies and sources', async () => {
    const evil: PrintIssue = {
      ...issue,
      contentsLines: [EVIL],
      sections: [
        {
          name: EVIL,
          isLead: false,
          columns: [
            {
              name: EVIL,
              items: [
                {
                  ...itemOf(EVIL, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: EVIL }] }] }, [EVIL]),
                  subtitle: EVIL,
                },
              ],
            },
          ],
        },
      ],
      distribution: [EVIL],
    };
    const evilParts = unzipDocx(await renderIssueDocx(evil));
    const xml = evilParts['word/document.xml']!;
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(xml).not.toMatch(/<script|<img/i);
    // The title is broken at one of its spaces (two lines in one paragraph), hence squash.
    expect(paragraphTexts(xml).filter((text) => squash(text).includes(squash(EVIL))).length).toBeGreaterThanOrEqual(7);
    for (const rels of partsMatching(evilParts, /\.rels$/)) expect(rels).not.toContain('TargetMode="External"');
  });

  it('keeps bold runs and line breaks, and drops characters XML cannot carry', async () => {
    const body: PrintItem['body'] = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '加粗', marks: [{ type: 'bold' }] }, { type: 'text', text: '正文' }, { type: 'hardBreak' }, { type: 'text', text: '第二行\uD800' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '  ' }] },
      ],
    };
    const small: PrintIssue = { ...issue, sections: [{ name: '学会动态', isLead: false, columns: [{ name: '首都科技工作者沙龙', items: [itemOf('标题', body, ['甲', '乙'])] }] }] };
    const xml = unzipDocx(await renderIssueDocx(small))['word/document.xml']!;
    const paragraph = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*加粗[\s\S]*?<\/w:p>/)![0];
    expect(paragraph).toMatch(/<w:b\/>(?:(?!<\/w:r>)[\s\S])*>加粗<\/w:t>/);
    expect(paragraph).not.toMatch(/<w:b\/>(?:(?!<\/w:r>)[\s\S])*>正文<\/w:t>/);
    expect(paragraph).toMatch(/<w:br\/>[\s\S]*第二行/);
    // Empty paragraphs are dropped; the source ends the last paragraph with text.
    expect(paragraphTexts(paragraph)).toEqual(['加粗正文第二行（甲、乙）']);
    expect(xml).not.toMatch(/[\uD800-\uDFFF]/);
    const column = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*首都科技工作者沙龙[\s\S]*?<\/w:p>/)![0];
    expect(column).toContain('<w:jc w:val="center"/>');
    expect(column).toContain('<w:b/>');
    const heading = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*【学会动态】[\s\S]*?<\/w:p>/)![0];
    expect(heading).not.toContain('<w:jc ');
    expect(heading).toContain('w:eastAsia="黑体"');
  });

  it('starts the content on a new page when the contents have their own page', async () => {
    const pageBreaks = (xml: string) => (xml.match(/<w:pageBreakBefore\/>/g) ?? []).length;
    expect(pageBreaks(documentXml)).toBe(0);
    const ownPage = unzipDocx(await renderIssueDocx({ ...issue, contentsOnOwnPage: true }))['word/document.xml']!;
    expect(pageBreaks(ownPage)).toBe(1);
    const broken = ownPage.match(/<w:p><w:pPr>(?:(?!<\/w:p>)[\s\S])*<w:pageBreakBefore\/>[\s\S]*?<\/w:p>/)![0];
    expect(paragraphTexts(broken)).toEqual([issue.sections[0]!.columns[0]!.items[0]!.title]);
  });

  it('gives the same bytes for the same issue, whatever the time', async () => {
    const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const first = await renderIssueDocx(issue);
    vi.setSystemTime(new Date('2035-06-07T08:09:10Z'));
    const second = await renderIssueDocx(issue);
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(first)).toBe(sha256(docx));
    expect(strFromU8(unzipSync(new Uint8Array(first))['docProps/core.xml']!)).not.toMatch(/203[15]/);
  });

  it('puts 样稿 in the header of every page of a draft only', async () => {
    expect(partsMatching(parts, /^word\/header\d*\.xml$/).join('')).not.toContain('样稿');
    const draft = unzipDocx(await renderIssueDocx(issue, { isDraft: true }));
    const headers = partsMatching(draft, /^word\/header\d*\.xml$/);
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) expect(header).toContain('样稿');
    const sectPr = draft['word/document.xml']!.match(/<w:sectPr>[\s\S]*<\/w:sectPr>/)![0];
    expect(sectPr).toMatch(/<w:headerReference w:type="default"/);
    expect(sectPr).toMatch(/<w:headerReference w:type="even"/);
    expect(draft['word/document.xml']).not.toContain('<w:titlePg');
  });
});

/**
 * Full-width characters in a line (Han characters and full-width punctuation; curly quotes,
 * which the fonts here set half-width, and Latin text are not). A line with Latin text or
 * digits holds 28 characters when it fits the text block, which the test checks by position.
 */
const fullWidthCount = (text: string) => [...text].filter((char) => !/[‘’“”]/.test(char) && charWidth(char.codePointAt(0)!) === 1).length;

/** The lines of `title` as printed: the run of whole lines, from the title's first, that spell it. */
function titleLines(lines: string[], title: string): string[] | null {
  const wanted = squash(title);
  for (let start = 0; start < lines.length; start++) {
    let joined = '';
    for (let end = start; end < lines.length && wanted.startsWith(joined + lines[end]); end++) {
      joined += lines[end];
      if (joined === wanted) return lines.slice(start, end + 1);
    }
  }
  return null;
}

// The DOCX as LibreOffice Writer prints it against our PDF: the 28 × 22 grid holds
// (lib/export/docx.ts explains how). For the demo issue and both fixture issues.
describe.skipIf(!canRoundTrip)('the DOCX printed by LibreOffice', () => {
  let fonts: Awaited<ReturnType<typeof officeFontEnv>>;
  beforeAll(async () => {
    fonts = await officeFontEnv();
  }, 60_000);
  afterAll(async () => {
    fonts?.dispose();
    await closePdfBrowser();
  });

  const issues: [string, () => PrintIssue][] = [
    ['the demo issue', buildDemoPrintIssue],
    ['2023 第14期', () => buildFixturePrintIssue('2023-14.txt')],
    ['2023 第7期', () => buildFixturePrintIssue('2023-07.md')],
  ];
  it.each(issues)('%s: same pages, at most 28 characters a line and 22 lines a page, the titles in the PDF\'s lines', async (name, build) => {
    const printIssue = build();
    const docxFile = await renderIssueDocx(printIssue);
    const ours = readBlockLines(await renderIssuePdf(printIssue));
    const office = readBlockLines(convertDocxWithLibreOffice(soffice, docxFile, fonts.env).pdf);

    expect(office.length, 'pages').toBe(ours.length);
    office.forEach((page, index) => {
      expect(page.length, `lines on page ${index + 1}`).toBeLessThanOrEqual(22);
      for (const line of page) {
        expect(fullWidthCount(line.text), `page ${index + 1}: ${line.text}`).toBeLessThanOrEqual(28);
        expect(line.left, `page ${index + 1} starts before the margin: ${line.text}`).toBeGreaterThanOrEqual(TEXT_BLOCK.left - 1);
        expect(line.right, `page ${index + 1} runs past the margin: ${line.text}`).toBeLessThanOrEqual(TEXT_BLOCK.right + 1);
      }
    });

    // The masthead opens page 1 and the 版记 closes the last page, line for line as in the PDF.
    const texts = (lines: PrintedLine[] | undefined) => (lines ?? []).map((line) => squash(line.text));
    expect(texts(office[0]).slice(0, 4), 'masthead').toEqual(texts(ours[0]).slice(0, 4));
    const closingLines = 1 + printIssue.distribution.length;
    expect(texts(office.at(-1)).slice(-closingLines), '版记').toEqual(texts(ours.at(-1)).slice(-closingLines));

    const linesOf = (pages: PrintedLine[][]) => pages.flat().map((line) => squash(line.text));
    const [ourLines, officeLines] = [linesOf(ours), linesOf(office)];
    for (const item of printIssue.sections.flatMap((section) => section.columns.flatMap((column) => column.items))) {
      const printed = titleLines(ourLines, item.title);
      expect(printed, `${name}: title in our PDF`).toEqual(layoutTitle(item.title).map(squash));
      expect(titleLines(officeLines, item.title), `${name}: title in LibreOffice`).toEqual(printed);
    }

    // Nothing lost: every paragraph in order (the page numbers are outside the text block).
    const text = officeLines.join('');
    let position = 0;
    for (const paragraph of printIssue.sections.flatMap((s) => s.columns.flatMap((c) => c.items.flatMap((i) => i.body.content)))) {
      const expected = squash((paragraph.content ?? []).map((node) => (node.type === 'text' ? node.text : '')).join(''));
      const found = text.indexOf(expected, position);
      expect(found, `missing from LibreOffice's PDF: ${expected.slice(0, 30)}…`).toBeGreaterThanOrEqual(position);
      position = found + expected.length;
    }
  }, 240_000);
});
