import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/fonts/[...path]/route';
import { fontFileForUrl, resolveFontFile } from '@/lib/export/fonts';
import type { PrintIssue } from '@/lib/export/print-issue';
import { renderIssueHtml } from '@/lib/export/print-template';
import { layoutTitle } from '@/lib/layout/title';
import { formatSources } from '@/lib/render-body';
import { readFixtureIssue } from './support/issue-fixture';
import { closePdfBrowser } from '@/lib/export/pdf';
import { buildFixturePrintIssue, CHROMIUM_PATH, hasChromium, printHtmlToPdf, PRINT_FONT_BASE_URL } from './support/print-issue-fixture';

const FONT_BASE = '/fonts';
const EVIL = `<script>alert(1)</script><img src=x onerror="alert(2)">`;

function render(issue: PrintIssue, options: { isDraft?: boolean } = {}) {
  return renderIssueHtml(issue, { fontBaseUrl: FONT_BASE, ...options });
}

function documentOf(html: string) {
  return parseHTML(html).document;
}

function textsOf(html: string, selector: string): string[] {
  return [...documentOf(html).querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('renderIssueHtml', () => {
  const issue = buildFixturePrintIssue();
  const html = render(issue);

  it('is a complete zh-CN document with inline CSS and no script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('size: A4;');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(textsOf(html, 'title')).toEqual(['科协每周动态 2023年 第14期']);
  });

  it('prints the masthead', () => {
    expect(textsOf(html, '.masthead-name')).toEqual(['科协每周动态']);
    expect(textsOf(html, '.masthead-number')).toEqual(['2023年 第14期', '（总第67期）']);
    expect(textsOf(html, '.masthead-line span')).toEqual(['北京市科协办公室', '2023年4月28日']);
    expect(textsOf(html, '.contents-line')).toEqual(issue.contentsLines.map((line) => `●${line}`));
  });

  it('prints the lead items first without a heading, then the sections in order', () => {
    const fixture = readFixtureIssue('2023-14.txt');
    // On one line the title reads as typed: a break at a space keeps the space.
    expect(textsOf(html, '.item-title')).toEqual(fixture.items.map((item) => item.title));
    expect(textsOf(html, '.section-heading')).toEqual(['【学会动态】', '【区科协动态】']);
    const document = documentOf(html);
    const lead = document.querySelector('.section.is-lead')!;
    expect(lead.querySelector('.section-heading')).toBeNull();
    expect(html).not.toContain('要闻');
    expect([...lead.querySelectorAll('.item-title')].map((title) => title.textContent)).toEqual(fixture.items.filter((item) => item.section === null).map((item) => item.title));

    // Whatever the catalogue order, the lead group comes first.
    const reordered = render({ ...issue, sections: [...issue.sections.slice(1), issue.sections[0]!] });
    expect(textsOf(reordered, '.item-title')).toEqual(fixture.items.map((item) => item.title));
  });

  it('closes the last paragraph with the sources', () => {
    const last = [...documentOf(html).querySelectorAll('.item')].at(-1)!;
    expect(last.querySelector('.item-body p:last-child .item-source')?.textContent).toBe('（丰台区科协）');
  });

  it('prints the 版记 with the names and the distribution', () => {
    expect(textsOf(html, '.closing .closing-names span')).toEqual(['编辑：张红波', '审核：李金涛']);
    expect(textsOf(html, '.closing .closing-distribution-label')).toEqual(['分送：']);
    expect(textsOf(html, '.closing .closing-distribution-line')).toEqual([
      '市科协第十届委员会主席、副主席、常委、委员',
      '市科协驻会领导',
      '市学会、基金会，区科协，基层组织',
      '机关各部门及事业单位',
    ]);
    // The in-flow copy that reserves its place is hidden from assistive technology.
    expect(documentOf(html).querySelector('.closing-spacer')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('puts the masthead and the contents on a page of their own when asked', () => {
    expect(documentOf(html).querySelector('.front-page')).toBeNull();
    expect(documentOf(html).querySelector('.issue > .masthead')).not.toBeNull();
    const own = documentOf(render({ ...issue, contentsOnOwnPage: true }));
    expect([...own.querySelector('.front-page')!.children].map((child) => child.className)).toEqual(['masthead', 'contents is-own-page']);
    // The body (with the 版记 it positions) starts on the next page.
    expect(own.querySelector('.front-page + .issue > .section.is-lead')).not.toBeNull();
    expect(own.querySelector('.issue .masthead')).toBeNull();
    // Without contents there is nothing to stand alone: the body follows the masthead.
    expect(documentOf(render({ ...issue, contentsOnOwnPage: true, contentsLines: [] })).querySelector('.front-page')).toBeNull();
  });

  it('prints a title in its lines: a chosen break, else between words', () => {
    const lead = issue.sections[0]!;
    const chosen = { ...lead.columns[0]!.items[0]!, title: '市科协召开4月工作交流\n学习会' };
    const out = render({ ...issue, sections: [{ ...lead, columns: [{ name: null, items: [chosen] }] }] });
    const title = documentOf(out).querySelector('.item-title')!;
    expect(title.innerHTML).toBe('市科协召开4月工作交流 <br>学习会');
    expect(title.textContent).toBe('市科协召开4月工作交流 学习会');
    // A subtitle stays a line of its own, under the title's two.
    const withSubtitle = render({ ...issue, sections: [{ ...lead, columns: [{ name: null, items: [{ ...chosen, subtitle: '——记4月工作交流学习会' }] }] }] });
    expect(textsOf(withSubtitle, '.item-title + .item-subtitle')).toEqual(['——记4月工作交流学习会']);
    // A long title without a chosen break: at its space, never inside a word.
    const auto = [...documentOf(html).querySelectorAll('.item-title')].map((element) => element.innerHTML);
    expect(auto).toContain('丰台区航天科普嘉年华暨 <br>云岗地区科普联盟成立仪式举行');
    expect(auto.filter((line) => line.includes('<br>'))).toHaveLength(1);
  });

  it('marks a draft, and only a draft, with 样稿', () => {
    expect(html).not.toContain('样稿');
    const draft = render(issue, { isDraft: true });
    expect(textsOf(draft, '.draft-watermark')).toEqual(['样稿']);
    expect(draft).toMatch(/@top-center \{\s*content: "样稿/);
    expect(textsOf(draft, 'title')[0]).toContain('样稿');
  });

  it('escapes every user string', () => {
    const item = { title: `标题${EVIL}`, subtitle: `——副标题${EVIL}`, body: { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `正文${EVIL}` }] }] }, sources: [`来源${EVIL}`] };
    const evil: PrintIssue = {
      ...issue,
      publicationName: `刊名${EVIL}`,
      publisher: `单位${EVIL}`,
      contentsLines: [`目录${EVIL}`],
      sections: [
        { name: `要闻${EVIL}`, isLead: true, columns: [{ name: null, items: [item] }] },
        { name: `栏目${EVIL}`, isLead: false, columns: [{ name: `专栏${EVIL}`, items: [item] }] },
      ],
      editorName: `编辑${EVIL}`,
      reviewerName: `审核${EVIL}`,
      distribution: [`分送${EVIL}`],
    };
    const out = renderIssueHtml(evil, { fontBaseUrl: FONT_BASE, title: `标题${EVIL}` });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    const document = documentOf(out);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;';
    for (const text of [`刊名`, `单位`, `目录`, `标题`, `——副标题`, `正文`, `（来源`, `栏目`, `专栏`, `编辑：编辑`, `审核：审核`, `分送`]) {
      expect(out, text).toContain(`${text}${escaped}`);
    }
    // The text survives as text.
    expect(textsOf(out, '.item-title')[0]).toBe(`标题${EVIL}`);
  });

  it('loads fonts only from under the font base URL, each one a shipped file', () => {
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]!.replace(/^"|"$/g, ''));
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls) {
      expect(url.startsWith(`${FONT_BASE}/`), url).toBe(true);
      const file = fontFileForUrl(url, FONT_BASE);
      expect(file && existsSync(file.filePath), url).toBe(true);
    }
    for (const family of ['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai']) expect(html).toContain(`font-family: '${family}'`);
    // Office fonts come first in every stack.
    expect(html).toMatch(/font: 400 16pt\/var\(--pitch\) "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif SC"/);
    expect(html).toMatch(/"方正小标宋简体"[^;]*"Noto Serif SC"/);
    expect(html).toMatch(/"黑体", "SimHei", "Noto Sans SC"/);
    expect(html).toMatch(/"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "LXGW WenKai"/);
  });

  it('refuses a font base URL that could break out of the CSS', () => {
    for (const fontBaseUrl of ['/fonts")</style><script>', 'javascript:alert(1)', 'fonts', '/fonts x']) {
      expect(() => renderIssueHtml(issue, { fontBaseUrl }), fontBaseUrl).toThrow();
    }
    expect(() => renderIssueHtml(issue, { fontBaseUrl: 'http://127.0.0.1:3000/fonts' })).not.toThrow();
  });
});

describe('GET /fonts/[...path]', () => {
  /** As Next.js hands the catch-all segments to the route: split on `/`, each one decoded. */
  async function get(rawPath: string, decode = true) {
    const segments = rawPath.split('/').map((segment) => (decode ? decodeURIComponent(segment) : segment));
    return GET(new Request(`http://localhost/fonts/${rawPath}`), { params: Promise.resolve({ path: segments }) });
  }

  it('serves a font file with its type and an immutable cache', async () => {
    const response = await get('noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('font/woff2');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(bytes.equals(readFileSync(resolveFontFile('noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff2')!.filePath))).toBe(true);
    expect((await get('lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff')).headers.get('content-type')).toBe('font/woff');
  });

  it.each([
    '../../etc/passwd',
    '%2e%2e/%2e%2e/etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2fetc%2fpasswd',
    '/etc/passwd',
    'noto-serif-sc/files/../../../../etc/passwd',
    'noto-serif-sc/files/..%2f400.css',
    'noto-serif-sc/files/%2e%2e/package.json',
    'noto-serif-sc/400.css',
    'noto-serif-sc/package.json',
    'noto-serif-sc/files',
    'noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff2%00.css',
    'noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff2/x',
    'noto-serif-sc/files/NOTO-SERIF-SC-LATIN-400-NORMAL.WOFF2',
    'noto-serif-sc/files/does-not-exist.woff2',
    'react/files/index.woff2',
    '..%5c..%5cetc%5cpasswd',
    'noto-serif-sc\\files\\noto-serif-sc-latin-400-normal.woff2',
  ])('refuses %s with 404', async (rawPath) => {
    expect((await get(rawPath)).status).toBe(404);
    expect((await get(rawPath, false)).status).toBe(404);
  });
});

// The printed result, checked like a typesetter would: PDF from Chromium, read with poppler.
const canPrint = hasChromium();
if (!canPrint) console.warn(`print-template PDF tests skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

describe.skipIf(!canPrint)('the printed PDF of 2023 第14期', () => {
  const TOP_PT = (37 / 25.4) * 72;
  const PITCH_PT = (225 / 22 / 25.4) * 72;
  const CLOSING_PUNCTUATION = '，。、；：）」”》！？';
  const PAGE_NUMBER = /^-\s?(\d+)\s?-$/;
  let dir: string;
  let pdf: string;
  let pages: string[];

  const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'print-template-'));
    pdf = path.join(dir, 'issue.pdf');
    writeFileSync(pdf, await printHtmlToPdf(renderIssueHtml(buildFixturePrintIssue(), { fontBaseUrl: PRINT_FONT_BASE_URL })));
    pages = run('pdftotext', '-layout', pdf, '-').split('\f').slice(0, -1);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const linesOf = (page: string) => page.split('\n').map((line) => line.trim()).filter(Boolean);

  /** Text lines of each page with the vertical centre as a grid line index (0 = first line). */
  function gridLines() {
    const xml = run('pdftotext', '-bbox-layout', pdf, '-');
    return xml
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map(([, yMin, yMax, words]) => ({
          index: ((Number(yMin) + Number(yMax)) / 2 - TOP_PT) / PITCH_PT - 0.5,
          text: [...words!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
        })),
      );
  }

  it('is A4', () => {
    const info = run('pdfinfo', pdf);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([595, 842]);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages.length);
  });

  it('embeds every font, none of them Type 3', () => {
    const rows = run('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toContain('Type 3');
      expect(row, row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
    const names = rows.map((row) => row.split(/\s+/)[0]!);
    for (const family of ['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai']) expect(names.some((name) => name.includes(family)), family).toBe(true);
  });

  it('has the masthead on page 1 and - N - on every page', () => {
    const first = linesOf(pages[0]!).map(squash);
    for (const text of ['科协每周动态', '2023年第14期', '（总第67期）', '北京市科协办公室2023年4月28日', '目录提要']) expect(first, text).toContain(text);
    pages.forEach((page, i) => {
      expect(linesOf(page).at(-1), `page ${i + 1}`).toMatch(PAGE_NUMBER);
      expect(PAGE_NUMBER.exec(linesOf(page).at(-1)!)![1]).toBe(String(i + 1));
    });
  });

  it('prints every paragraph of the fixture, in order', () => {
    const text = squash(
      run('pdftotext', pdf, '-')
        .split('\n')
        .filter((line) => !PAGE_NUMBER.test(line.trim()))
        .join(''),
    );
    let cursor = 0;
    for (const item of readFixtureIssue('2023-14.txt').items) {
      const paragraphs = item.paragraphs.map((p, i, all) => (i === all.length - 1 ? p + formatSources(item.sources) : p));
      for (const expected of [item.title, ...paragraphs].map(squash)) {
        const at = text.indexOf(expected, cursor);
        expect(at, expected.slice(0, 20)).toBeGreaterThanOrEqual(cursor);
        cursor = at + expected.length;
      }
    }
  });

  it('keeps to the grid: at most 28 characters a line, 22 lines a page, lines on the grid', () => {
    const wide = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u2018\u2019\u201C\u201D\u2014\u2026\u25CF]/gu;
    for (const [i, page] of pages.entries()) {
      for (const line of linesOf(page)) {
        expect((line.replace(/\s/g, '').match(wide) ?? []).length, `page ${i + 1}: ${line}`).toBeLessThanOrEqual(28);
        expect(CLOSING_PUNCTUATION.includes(line[0]!), `page ${i + 1} starts with punctuation: ${line}`).toBe(false);
      }
    }
    const grid = gridLines();
    let fullPages = 0;
    grid.forEach((lines, i) => {
      // Body lines (16 pt) only: not the page number, not the 14 pt 版记, not the masthead name.
      const body = lines.filter((line) => !PAGE_NUMBER.test(line.text) && line.index < 22 && !/^(编辑|审核|分送|市科协驻会|市学会|机关各部门|科协每周动态)/.test(line.text));
      for (const line of body) {
        expect(Math.abs(line.index - Math.round(line.index)), `page ${i + 1} off the grid: ${line.text}`).toBeLessThan(0.1);
        expect(Math.round(line.index)).toBeGreaterThanOrEqual(0);
        expect(Math.round(line.index), `page ${i + 1} below the text block: ${line.text}`).toBeLessThanOrEqual(21);
      }
      if (new Set(body.map((line) => Math.round(line.index))).size === 22) fullPages++;
    });
    expect(fullPages).toBeGreaterThan(0);
  });

  it('puts the 版记 at the bottom of the last page, whole', () => {
    const last = linesOf(pages.at(-1)!).map(squash);
    expect(last).toContain('编辑：张红波审核：李金涛');
    expect(last).toContain('分送：市科协第十届委员会主席、副主席、常委、委员');
    for (const line of ['市科协驻会领导', '市学会、基金会，区科协，基层组织', '机关各部门及事业单位']) expect(last).toContain(line);
    for (const page of pages.slice(0, -1)) expect(page).not.toMatch(/编辑：|分送：/);
    // Its last line is the last line of the text block (22nd grid line, index 21), to a tenth
    // of a line: the block is pinned to the page end, not merely on the right page.
    const bottom = gridLines().at(-1)!.find((line) => line.text === '机关各部门及事业单位')!;
    expect(Math.abs(bottom.index - 21)).toBeLessThan(0.1);
  });

  it('prints each title in the lines layoutTitle gives, none wrapped again', () => {
    const lines = run('pdftotext', pdf, '-').split('\n').map((line) => line.trim());
    for (const item of readFixtureIssue('2023-14.txt').items) {
      const titleLines = layoutTitle(item.title);
      const at = lines.indexOf(titleLines[0]!);
      expect(at, item.title).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at, at + titleLines.length), item.title).toEqual(titleLines);
    }
  });

  it('marks every page of a draft with 样稿', async () => {
    const draft = path.join(dir, 'draft.pdf');
    writeFileSync(draft, await printHtmlToPdf(renderIssueHtml(buildFixturePrintIssue(), { fontBaseUrl: PRINT_FONT_BASE_URL, isDraft: true })));
    const draftPages = run('pdftotext', '-layout', draft, '-').split('\f').slice(0, -1);
    expect(draftPages).toHaveLength(pages.length);
    draftPages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('样稿'));
  }, 120_000);
});

// 目录提要单独成页, as the office prints: page 1 holds the masthead and the contents only, and a
// lead title broken where the editor chose.
describe.skipIf(!canPrint)('the printed PDF with the contents on their own page', () => {
  const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let pages: string[][];

  beforeAll(async () => {
    const issue = buildFixturePrintIssue();
    const [lead, ...rest] = issue.sections;
    const [first, ...others] = lead!.columns[0]!.items;
    const chosen = { ...first!, title: '市科协召开4月工作\n交流学习会' };
    const print: PrintIssue = { ...issue, contentsOnOwnPage: true, sections: [{ ...lead!, columns: [{ name: null, items: [chosen, ...others] }] }, ...rest] };
    const dir = mkdtempSync(path.join(tmpdir(), 'print-front-'));
    const pdf = path.join(dir, 'issue.pdf');
    writeFileSync(pdf, await printHtmlToPdf(renderIssueHtml(print, { fontBaseUrl: PRINT_FONT_BASE_URL })));
    pages = run('pdftotext', pdf, '-')
      .split('\f')
      .slice(0, -1)
      .map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean));
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('page 1 holds only the masthead and the contents', () => {
    const contents = buildFixturePrintIssue().contentsLines.map((line) => `●${line}`);
    expect(pages[0]!.map(squash)).toEqual(['科协每周动态', '2023年第14期', '（总第67期）', '北京市科协办公室', '2023年4月28日', '目录提要', ...contents.map(squash), '-1-']);
  });

  it('page 2 starts with the lead title, broken where the editor chose', () => {
    expect(pages[1]!.slice(0, 2)).toEqual(['市科协召开4月工作', '交流学习会']);
    expect(pages[1]![2]).toMatch(/^根据市科协深入开展/);
  });
});

afterAll(() => closePdfBrowser());
