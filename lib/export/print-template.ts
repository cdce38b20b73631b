// The print layout of 科协每周动态 (../shared/spec/bulletin-format.md) as one self-contained
// HTML document: the in-browser print preview shows it and the PDF export prints it with
// Chromium (`page.pdf({ preferCSSPageSize: true })`), so both agree page for page.
//
// Pure functions, no React, no scripts in the output: every piece of user text goes through
// escapeHtml (bodies through renderBodyHtml, which escapes each text node).
//
// The page is a grid of 22 lines × 28 characters in a 156 × 225 mm text block. Every block in
// the flow is a whole number of lines tall (line-height is the pitch, margins are whole pitches,
// rules are drawn without taking space), so a line sits at the same height on every page.
import { GRID } from '@/lib/layout/grid';
import { sortSectionsForPrint } from '@/lib/section-order';
import { layoutTitleLines } from '@/lib/layout/title';
import { escapeHtml, renderBodyHtml } from '@/lib/render-body';
import { fontFaceCss } from './fonts';
import {
  formatIssueDate,
  formatTotalNumber,
  formatYearNumber,
  hasClosingBlock,
  type PrintColumn,
  type PrintIssue,
  type PrintItem,
  type PrintSection,
} from './print-issue';

export interface RenderIssueHtmlOptions {
  /** Where the /fonts route is served, e.g. `/fonts` or `http://127.0.0.1:3000/fonts`. */
  fontBaseUrl: string;
  /** Not yet published: every page carries 样稿 so a draft is never taken for the real thing. */
  isDraft?: boolean;
  /** The document title; `科协每周动态 2023年 第14期` by default. */
  title?: string;
  /**
   * Leave out the @font-face rules: the PDF renderer gives each of its warm pages those rules
   * once (lib/export/pdf.ts), so every export does not parse ~300 KB of them again.
   */
  omitFontFaces?: boolean;
}

// Office fonts first, so the office's licensed fonts win where installed; then the open fonts
// this project ships (lib/export/fonts.ts); Noto Serif SC covers anything the others lack.
export const FONT_STACKS = {
  fangsong: `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif SC", serif`,
  xiaobiaosong: `"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "Noto Serif SC", serif`,
  song: `"宋体", "SimSun", "Noto Serif SC", serif`,
  hei: `"黑体", "SimHei", "Noto Sans SC", "Noto Serif SC", sans-serif`,
  kai: `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "LXGW WenKai", "Noto Serif SC", serif`,
} as const;

const RED = '#E60012';

/** - N -, 14 pt, 7 mm under the text block, one character in from the outer edge (right on odd pages, left on even). */
function pageNumberCss(side: 'left' | 'right'): string {
  return `@page :${side} {
  @bottom-${side} {
    content: "- " counter(page) " -";
    font: 14pt/1 ${FONT_STACKS.song};
    letter-spacing: 0;
    color: #000;
    vertical-align: top;
    text-align: ${side};
    padding: ${side === 'right' ? '7mm 14pt 0 0' : '7mm 0 0 14pt'};
  }
}`;
}

// Two measures the whole sheet is built from:
// --pitch: 225 mm / 22 ≈ 28.99 pt. Chromium keeps 22 such lines on a page (measured).
// --tracking: 28 characters of 16 pt (448 pt) are wider than 156 mm (442.2 pt); −0.21 pt after
//   each character brings 28 to 442.1 pt, so a line holds 28 and never 29. Indents are counted
//   in these narrowed characters (--char), or the first line of a paragraph would lose one.
const PAGE_CSS = `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
${pageNumberCss('right')}
${pageNumberCss('left')}
`;

const DRAFT_CSS = `
@page {
  @top-center {
    content: "样稿 · 未经发布，不得印发";
    font: 14pt/1 ${FONT_STACKS.hei};
    color: ${RED};
    vertical-align: bottom;
    padding-bottom: 8mm;
  }
}
/* A fixed box is printed on every page. */
.draft-watermark {
  position: fixed;
  top: 50%;
  left: 50%;
  transform: translate(-50%, -50%) rotate(-35deg);
  font: 700 120pt/1 ${FONT_STACKS.hei};
  letter-spacing: 0.2em;
  color: rgba(230, 0, 18, 0.12);
  white-space: nowrap;
  pointer-events: none;
  z-index: 1;
}
`;

const LAYOUT_CSS = `
:root {
  --pitch: calc(225mm / ${GRID.linesPerPage});
  --tracking: -0.21pt;
  --char: calc(1em + var(--tracking));
  --page-step: round(up, 225mm, 1px);
  print-color-adjust: exact;
  -webkit-print-color-adjust: exact;
}
html {
  font: 400 16pt/var(--pitch) ${FONT_STACKS.fangsong};
  letter-spacing: var(--tracking);
  color: #000;
  background: #fff;
  /* Every character keeps its full em on the grid: no trimming of paired punctuation (on by
     default in Chromium), no extra space between Han and Latin (off there today; pinned). */
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
  font-kerning: none;
  font-synthesis: weight;
  /* CJK line breaking (kinsoku) by the UAX #14 rules with lang=zh-CN: no line starts with
     ，。、；：？！）」” and none ends with （「“. text-justify stays auto: Chromium already
     spreads CJK lines between every character, and inter-character would also letter-space
     Latin words such as MAP or DIY. */
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  /* Widows and orphans are allowed so that every page keeps the full grid. */
  widows: 1;
  orphans: 1;
}
body { margin: 0; }
h1, h2, h3, h4, p, ul, li { margin: 0; padding: 0; font-size: inherit; font-weight: inherit; }
ul { list-style: none; }

/* The containing block of the closing block (版记), see below: starts at the top of a page
   (page 1, or page 2 when the masthead and contents have page 1 to themselves). */
.issue { position: relative; }
/* 目录提要单独成页: page 1 holds the masthead and the contents only. */
.front-page { break-after: page; }

/* Masthead: 5 lines. */
.masthead-name {
  font: 700 48pt/calc(2 * var(--pitch)) ${FONT_STACKS.xiaobiaosong};
  color: ${RED};
  text-align: center;
  letter-spacing: 0.25em;
  /* letter-spacing also follows the last character; balance it so the name is centred. */
  padding-left: 0.25em;
}
.masthead-number { text-align: center; }
.masthead-line {
  position: relative;
  display: flex;
  justify-content: space-between;
  padding: 0 var(--char);
}
/* The red rule under the publisher line, drawn without taking a line. */
.masthead-line::after {
  content: "";
  position: absolute;
  left: 0;
  right: 0;
  bottom: 0;
  border-top: 0.75mm solid ${RED};
}

/* 目录提要 */
.contents { margin-top: var(--pitch); }
.contents-heading { font-family: ${FONT_STACKS.hei}; }
.contents-line {
  font-family: ${FONT_STACKS.kai};
  padding-left: calc(3 * var(--char));
  text-indent: calc(-1 * var(--char));
  text-align: justify;
}
.contents-bullet { display: inline-block; width: var(--char); letter-spacing: 0; text-indent: 0; }

/* Body. A blank line separates the contents from the first item, sections from each other,
   and items; margins are whole lines and collapse into one. */
.masthead + .section, .contents + .section { margin-top: var(--pitch); }
/* At the top of page 2 after the front page: no blank line (a forced break keeps margins). */
.front-page + .issue > .section:first-child,
.front-page + .issue > .section:first-child > .section-heading:first-child { margin-top: 0; }
.section-heading {
  margin-top: var(--pitch);
  font-family: ${FONT_STACKS.hei};
  break-after: avoid;
}
.column + .column { margin-top: var(--pitch); }
.column-heading {
  font-weight: 700;
  text-align: center;
  break-after: avoid;
}
.item + .item { margin-top: var(--pitch); }
.item-title {
  font: 700 18pt/var(--pitch) ${FONT_STACKS.xiaobiaosong};
  letter-spacing: 0;
  text-align: center;
  /* The lines come from layoutTitle (<br>); balance only matters if a line still overflows. */
  text-wrap: balance;
  padding: 0 var(--char);
  break-after: avoid;
}
.item-subtitle {
  font-family: ${FONT_STACKS.kai};
  text-align: center;
  break-after: avoid;
}
.item-body p {
  text-indent: calc(2 * var(--char));
  text-align: justify;
}
.item-body strong { font-weight: 700; }

/* 版记 (closing block) at the bottom of the last page, never split.
   CSS has no "last page" selector, so the block is placed with anchor positioning:
   1. .closing-spacer, an invisible copy of the block, stays in the flow after the last item.
      break-inside: avoid moves it whole to a new page when it does not fit, so the page count
      is right, and its height is the block's height whatever wraps.
   2. .closing, the visible block, is absolutely positioned in .issue. .issue starts at the top
      of page 1 and its fragments fill every page, so page k ends at k × --page-step in its
      coordinates. The block's top is the end of the spacer's page (the spacer's bottom rounded
      up to a multiple of the step) minus the spacer's height: it ends on the bottom grid line
      of the page the spacer is on. Two 1 px slacks keep rounding from moving a spacer that
      ends exactly on the bottom line, or the block itself, onto another page.
   --page-step is the page area as Chromium fragments it: 225 mm rounded UP to a whole CSS
   pixel (851 px, not 850.39 px; measured with Chromium 156 over 30 pages with several bottom
   margins). With 225 mm the block would climb 0.6 px a page.
   On screen there are no pages: the spacer is hidden and the block follows the last item. */
.closing, .closing-spacer {
  position: relative;
  font-size: 14pt;
  break-inside: avoid;
}
.closing-spacer { display: none; }
.closing::before, .closing::after, .closing-names::after {
  content: "";
  position: absolute;
  left: 0;
  right: 0;
  border-top: 0.35mm solid #000;
}
.closing::before { top: 0; }
.closing::after { bottom: 0; }
.closing-names {
  position: relative;
  display: flex;
  justify-content: space-between;
  padding: 0 1em;
}
.closing-names::after { bottom: 0; border-top-width: 0.25mm; }
.closing-distribution { display: flex; padding: 0 1em; }
.closing-distribution-label { flex: none; }
.closing-distribution-lines { flex: 1; min-width: 0; }
.closing-distribution-line { display: block; }
@media screen {
  html { background: #e5e5e5; }
  /* Each sheet is a page on screen: the front page shows that the body starts on page 2. */
  .front-page, .issue {
    box-sizing: content-box;
    width: 156mm;
    min-height: 225mm;
    margin: 8mm auto;
    padding: 37mm 26mm 35mm 28mm;
    background: #fff;
  }
  .closing { margin-top: var(--pitch); }
}
@media print {
  .closing-spacer { display: block; visibility: hidden; anchor-name: --closing-spacer; }
  .closing {
    position: absolute;
    left: 0;
    right: 0;
    top: calc(
      round(up, anchor(--closing-spacer bottom) - 1px, var(--page-step))
      - (anchor(--closing-spacer bottom) - anchor(--closing-spacer top)) - 1px
    );
  }
}
`;

function renderMasthead(issue: PrintIssue): string {
  return `<header class="masthead">
<h1 class="masthead-name">${escapeHtml(issue.publicationName)}</h1>
<p class="masthead-number">${escapeHtml(formatYearNumber(issue))}</p>
<p class="masthead-number">${escapeHtml(formatTotalNumber(issue))}</p>
<p class="masthead-line"><span>${escapeHtml(issue.publisher)}</span><span>${escapeHtml(formatIssueDate(issue.issueDate))}</span></p>
</header>`;
}

function renderContents(issue: PrintIssue): string {
  const lines = issue.contentsLines.filter((line) => line.trim());
  if (lines.length === 0) return '';
  const className = issue.contentsOnOwnPage ? 'contents is-own-page' : 'contents';
  const items = lines.map((line) => `<li class="contents-line"><span class="contents-bullet">●</span>${escapeHtml(line)}</li>`);
  return `<section class="${className}">
<h2 class="contents-heading">目录提要</h2>
<ul class="contents-lines">
${items.join('\n')}
</ul>
</section>`;
}

function renderItem(item: PrintItem): string {
  const subtitle = item.subtitle?.trim() ? `\n<p class="item-subtitle">${escapeHtml(item.subtitle.trim())}</p>` : '';
  // The lines are decided here (a chosen break, else breaks between words), not by the browser.
  // A break that stands for a space keeps it, so the title still reads (and copies) as one line.
  const title = layoutTitleLines(item.title)
    .map((line) => `${escapeHtml(line.text)}${line.isSpaced ? ' <br>' : '<br>'}`)
    .join('')
    .replace(/ ?<br>$/, '');
  return `<article class="item">
<h3 class="item-title">${title}</h3>${subtitle}
<div class="item-body">${renderBodyHtml(item.body, item.sources)}</div>
</article>`;
}

function renderColumn(column: PrintColumn): string {
  const heading = column.name ? `<h4 class="column-heading">${escapeHtml(column.name)}</h4>\n` : '';
  return `<div class="column">\n${heading}${column.items.map(renderItem).join('\n')}\n</div>`;
}

function renderSection(section: PrintSection): string {
  const columns = section.columns.filter((column) => column.items.length > 0);
  if (columns.length === 0) return '';
  // The lead group is printed first and without a heading.
  if (section.isLead) return `<section class="section is-lead">\n${columns.map(renderColumn).join('\n')}\n</section>`;
  return `<section class="section">
<h2 class="section-heading">【${escapeHtml(section.name)}】</h2>
${columns.map(renderColumn).join('\n')}
</section>`;
}

function renderClosingContent(issue: PrintIssue): string {
  const lines = issue.distribution
    .filter((line) => line.trim())
    .map((line) => `<span class="closing-distribution-line">${escapeHtml(line)}</span>`);
  const distribution = lines.length
    ? `\n<p class="closing-distribution"><span class="closing-distribution-label">分送：</span><span class="closing-distribution-lines">${lines.join('')}</span></p>`
    : '';
  return `<p class="closing-names"><span>编辑：${escapeHtml(issue.editorName)}</span><span>审核：${escapeHtml(issue.reviewerName)}</span></p>${distribution}`;
}

function renderClosing(issue: PrintIssue): string {
  if (!hasClosingBlock(issue)) return '';
  const content = renderClosingContent(issue);
  return `<div class="closing-spacer" aria-hidden="true">\n${content}\n</div>
<footer class="closing">\n${content}\n</footer>`;
}

/** Refuses a base URL that could break out of the CSS url("…") it is written into. */
function assertSafeFontBaseUrl(fontBaseUrl: string): void {
  if (!/^(https?:\/\/[^\s"'()\\<>]+|\/[^\s"'()\\<>]*)$/.test(fontBaseUrl)) {
    throw new Error(`fontBaseUrl must be an absolute path or an http(s) URL: ${fontBaseUrl}`);
  }
}

/** The whole issue as a printable HTML document: inline CSS, web fonts under fontBaseUrl, no scripts. */
export function renderIssueHtml(issue: PrintIssue, options: RenderIssueHtmlOptions): string {
  assertSafeFontBaseUrl(options.fontBaseUrl);
  const isDraft = options.isDraft ?? false;
  const title = options.title ?? `${issue.publicationName} ${formatYearNumber(issue)}${isDraft ? '（样稿）' : ''}`;
  const css = [options.omitFontFaces ? '' : fontFaceCss(options.fontBaseUrl), PAGE_CSS, isDraft ? DRAFT_CSS : '', LAYOUT_CSS].join('\n');
  const front = [renderMasthead(issue), renderContents(issue)].filter(Boolean);
  // Only contents stand alone on page 1; without any, the body follows the masthead.
  const isFrontPage = issue.contentsOnOwnPage && front.length > 1;
  const body = [
    isDraft ? '<div class="draft-watermark" aria-hidden="true">样稿</div>' : '',
    ...(isFrontPage ? ['<div class="front-page">', ...front, '</div>', '<main class="issue">'] : ['<main class="issue">', ...front]),
    ...sortSectionsForPrint(issue.sections).map(renderSection),
    renderClosing(issue),
    '</main>',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
