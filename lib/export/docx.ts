// The DOCX export of an issue (../shared/spec/bulletin-format.md, "DOCX"), for the office that
// still finishes things in Word or WPS: the same content and order as the print template
// (lib/export/print-template.ts), on the same page and grid.
//
// Pure: a PrintIssue in, the bytes of a .docx out. Every run names its fonts for all four
// scripts (Word picks the East Asian one for Han characters), all text goes through the
// docx library, which escapes it, and the package has no images and no external links.
// The output is deterministic: the same issue gives the same bytes (see packDeterministic).
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  DocumentGridType,
  Footer,
  Header,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ParagraphNode } from '@/lib/validations/item-body';
import { GRID } from '@/lib/layout/grid';
import { sortSectionsForPrint } from '@/lib/section-order';
import { layoutTitleLines } from '@/lib/layout/title';
import { formatSources } from '@/lib/render-body';
import { getSuggestionMark } from '@/lib/suggestions';
import {
  formatIssueDate,
  formatTotalNumber,
  formatYearNumber,
  type PrintColumn,
  type PrintIssue,
  type PrintItem,
} from './print-issue';

export interface RenderIssueDocxOptions {
  /** Not yet published: every page's header carries 样稿 so a draft is never taken for the real thing. */
  isDraft?: boolean;
}

const mmToTwips = (mm: number): number => Math.round(mm * 56.6929);

// A4 with the margins of the print; the text block is 156 × 225 mm.
const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// The grid: 22 lines of 225 mm / 22 ≈ 28.95 pt (579 twips) and 28 characters of 16 pt a line.
// The 28 come from the characters themselves, tracked by −0.25 pt as the PDF's are by −0.21 pt
// (`--tracking` in print-template.ts), not from a character grid: see below.
//
// Why no character grid (`w:docGrid w:type="linesAndChars" w:charSpace`)
//
// - Word (ECMA-376 Part 1, 17.6.5 docGrid, charSpace): the character pitch is the Normal
//   style's font size plus charSpace/4096 pt, added "to each character in the section", so that
//   Normal text has a given number of characters a line. With 16 pt and charSpace −842 Word sets
//   28 characters of 15.79 pt in the 156 mm line (the value of Word's 公文 templates): Word
//   squeezes each 16 pt character into its cell.
// - LibreOffice (writerfilter/source/dmapper/PropertyMap.cxx, SectionPropertyMap::
//   CloseSectionGroup): the grid's base width (SwTextGridItem, GridBaseWidth) is the
//   CharHeightAsian of the paragraph style "Standard" (Word's Normal) as the file states it,
//   12 pt when Normal names no size (ours did: the size was in docDefaults only), plus charSpace
//   decoded as a 20.12 fixed-point number of points (−842 → −1 pt + 15/20 pt = −0.25 pt). Its
//   layout (sw/source/core/txtnode/fntcache.cxx, the GRID_LINES_CHARS branches) snaps CJK text
//   to whole cells, rounding each character's advance up: a 16 pt character fits neither an
//   11.75 pt cell nor a 15.75 pt one, so it takes two. Measured with LibreOffice 7.4 (the ODT it
//   makes of our file says layout-grid-base-width 0.1634 in = 11.76 pt): 18–19 characters a line
//   with the old file (12 pages for 2023 第14期 instead of 9), 14 once Normal says 16 pt, 27 with
//   charSpace 0; letter-spacing does not help, the rounding uses the glyph's own advance.
//   LibreOffice keeps 28 on that grid only with body type under 15.75 pt, which the bulletin
//   is not.
// - So the grid is `w:type="lines"` (the 579-twip line pitch, which every suite reads alike, and
//   exact line spacing on every paragraph), and the 28 characters are carried by the runs: 16 pt
//   with w:spacing −5 (−0.25 pt; w:spacing counts whole twentieths of a point, and −4 would make
//   28 × 15.8 pt overrun the 442.2 pt line). That reads the same in Word, WPS and LibreOffice, as
//   the PDF's letter-spacing does in Chromium; the docDefaults carry it too, so text typed into
//   the file in Word or WPS keeps 28 characters a line.
// - Titles (18 pt, at most 22 characters, lib/layout/title.ts) and the masthead name are not
//   tracked, as in the print. Their lines are the PDF's: explicit line breaks, and no character
//   grid left to widen them.
//
// Punctuation at the line's end: the print never lets ，。 hang past the margin (kinsoku moves the
// character before it down). ECMA-376 17.3.1.21 overflowPunct: omitted means on (Word's default,
// punctuation may overflow by one); LibreOffice's writerfilter (DomainMapper.cxx,
// LN_CT_PPrBase_overflowPunct) sets ParaIsHangingPunctuation = (value == 0), so an explicit
// <w:overflowPunct/> — Word's own default — is what turns LibreOffice's hanging off. Word keeps
// its default: a closing mark may still overflow by one there where the PDF breaks earlier.
// LibreOffice ignores autoSpaceDE/autoSpaceDN and puts a little space between Han characters and
// digits (as Word does by default); a line with digits may break one character earlier there.
//
// Checked by test/docx-export.test.ts, which prints this file with LibreOffice (the office's
// Chinese faces stood in by LXGW WenKai: a full em per Han character, as every GB 2312 face) and
// compares it with our PDF: pages, lines a page, characters a line, title lines, masthead, 版记.
// Sources read: ECMA-376 Part 1 §17.6.5 (docGrid), §17.3.1.21 (overflowPunct); LibreOffice core
// writerfilter/source/dmapper/PropertyMap.cxx and DomainMapper.cxx (docGrid, overflowPunct,
// autoSpaceDE/DN), sw/source/core/txtnode/fntcache.cxx (grid width, EvalGridWidthAdd).
const LINE_PITCH = 579;
const CHARS_PER_LINE = GRID.charsPerLine;
const BODY_SIZE_PT = 16;
/** Twentieths of a point after every character: −5, so 28 × 15.75 pt = 441 pt fit the 442.2 pt line and 29 do not. */
const TRACKING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE) - BODY_SIZE_PT * 20;
/** One character of body text on the line, tracking included (indents and tab stops). */
const CHAR_WIDTH = BODY_SIZE_PT * 20 + TRACKING;

const CLOSING_SIZE_PT = 14;
// The page number sits about 7 mm under the text block, on a footer line FOOTER_LINE high.
const FOOTER_LINE = 400;
const FOOTER_DISTANCE = MARGIN.bottom - mmToTwips(7) - FOOTER_LINE;
const CLOSING_EM = CLOSING_SIZE_PT * 20;

const RED = 'E60012';

// The office's fonts, as Word and WPS know them by name; Latin text in a matching face.
export const FONTS = {
  fangsong: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' },
  xiaobiaosong: { eastAsia: '方正小标宋简体', latin: 'Times New Roman' },
  hei: { eastAsia: '黑体', latin: 'Arial' },
  kai: { eastAsia: '楷体_GB2312', latin: 'Times New Roman' },
  song: { eastAsia: '宋体', latin: 'Times New Roman' },
} as const;
type FontRole = keyof typeof FONTS;

interface RunStyle {
  font?: FontRole;
  sizePt?: number;
  bold?: boolean;
  color?: string;
  /** Twentieths of a point added after each character; the body's TRACKING unless given. */
  characterSpacing?: number;
}

/** Every run names all four fonts: a run without eastAsia falls back to whatever Word's defaults are. */
function runFormat({ font = 'fangsong', sizePt = BODY_SIZE_PT, bold, color, characterSpacing = TRACKING }: RunStyle) {
  const { eastAsia, latin } = FONTS[font];
  return {
    // hint: quotes, ●, — and other characters shared with Latin take the Chinese face.
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' },
    size: sizePt * 2,
    sizeComplexScript: sizePt * 2,
    ...(bold ? { bold: true, boldComplexScript: true } : {}),
    ...(color ? { color } : {}),
    ...(characterSpacing ? { characterSpacing } : {}),
  };
}

// Characters XML 1.0 cannot carry (lone surrogates, U+FFFE/U+FFFF) are dropped; the docx library
// drops the C0 controls. Tabs and newlines inside a text are spaces: tabs and breaks are markup here.
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[\t\r\n]/g, ' ');
}

function textRun(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: cleanText(text), ...runFormat(style) });
}

function tabRun(style: RunStyle = {}): TextRun {
  return new TextRun({ children: [new Tab()], ...runFormat(style) });
}

interface BlockOptions extends Omit<IParagraphOptions, 'children' | 'text' | 'spacing'> {
  /** A blank grid line above the paragraph. */
  gapBefore?: boolean;
  /** Twips the blank line gives back to the rules drawn since the last one (see ruleHeight). */
  gapShortBy?: number;
  /** Exact line height in twips; one grid line by default. */
  lineHeight?: number;
}

/**
 * Twips that a paragraph's top and bottom rules add to its height: each rule's width (eighths of
 * a point) and its space (points) come on top of the exact line height, in Word and in
 * LibreOffice (which also ignores a smaller exact height on a ruled paragraph). The print draws
 * its rules over the grid, so the blank line that follows (or, for the 版记, precedes) the rules
 * is shortened by as much, and the page keeps its 22 lines.
 */
function ruleHeight(border: IParagraphOptions['border']): number {
  const sides = [border?.top, border?.bottom].filter((side) => side !== undefined);
  return Math.round(sides.reduce((sum, side) => sum + ((side.size ?? 0) / 8 + (side.space ?? 0)) * 20, 0));
}

/**
 * A paragraph on the grid: exact line spacing, widows and orphans allowed (the page keeps 22
 * lines). Punctuation never hangs past the line's end (see "Punctuation at the line's end").
 */
function block(children: ParagraphChild[], { gapBefore = false, gapShortBy = 0, lineHeight = LINE_PITCH, ...options }: BlockOptions = {}): Paragraph {
  return new Paragraph({
    children,
    widowControl: false,
    // Only without tab stops: the docx library writes overflowPunct before w:tabs, against the
    // schema's order (ruled lines with tabs are short; nothing reaches their end).
    ...(options.tabStops ? {} : { overflowPunctuation: true }),
    spacing: { before: gapBefore ? LINE_PITCH - gapShortBy : 0, after: 0, line: lineHeight, lineRule: LineRuleType.EXACT },
    ...options,
  });
}

function rule(size: number, color = '000000'): IBorderOptions {
  return { style: BorderStyle.SINGLE, size, color, space: 1 };
}

/**
 * `publisher … date` / `编辑：… 审核：…`: one character in from each side, the second part at a
 * right tab stop. Tab stops rather than indents, so a rule drawn on the paragraph spans the block.
 */
function spreadLine(left: string, right: string, style: RunStyle): ParagraphChild[] {
  return [tabRun(style), textRun(left, style), tabRun(style), textRun(right, style)];
}
const spreadTabs = (inset: number) => [
  { type: TabStopType.LEFT, position: inset },
  { type: TabStopType.RIGHT, position: TEXT_WIDTH - inset },
];

/** The red rule under the publisher line: 0.75 mm ≈ 2.1 pt (border sizes are in eighths of a point). */
const MASTHEAD_RULE = { bottom: rule(17, RED) };

function renderMasthead(issue: PrintIssue): Paragraph[] {
  const name = Array.from(cleanText(issue.publicationName));
  const nameStyle: RunStyle = { font: 'xiaobiaosong', sizePt: 48, bold: true, color: RED };
  // Letter-spaced by 0.25 em; the last character gets none, so the name stays centred.
  const nameRuns = [
    textRun(name.slice(0, -1).join(''), { ...nameStyle, characterSpacing: 48 * 20 * 0.25 }),
    textRun(name.slice(-1).join(''), { ...nameStyle, characterSpacing: 0 }),
  ];
  return [
    block(nameRuns, { alignment: AlignmentType.CENTER, lineHeight: 2 * LINE_PITCH }),
    block([textRun(formatYearNumber(issue))], { alignment: AlignmentType.CENTER }),
    block([textRun(formatTotalNumber(issue))], { alignment: AlignmentType.CENTER }),
    block(spreadLine(issue.publisher, formatIssueDate(issue.issueDate), {}), {
      tabStops: spreadTabs(CHAR_WIDTH),
      border: MASTHEAD_RULE,
    }),
  ];
}

function renderContents(lines: string[]): Paragraph[] {
  return [
    block([textRun('目录提要', { font: 'hei' })], { gapBefore: true, gapShortBy: ruleHeight(MASTHEAD_RULE), keepNext: true }),
    ...lines.map((line) =>
      // ● hangs one character out of a 3-character indent, as in the print.
      block([textRun(`●${line}`, { font: 'kai' })], {
        alignment: AlignmentType.BOTH,
        indent: { left: 3 * CHAR_WIDTH, hanging: CHAR_WIDTH },
      }),
    ),
  ];
}

/** Word wants a revision id unique in the document; the count restarts with each document. */
class RevisionIds {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

type InlineNode = NonNullable<ParagraphNode['content']>[number];

/**
 * One run of body text. An open 修订 (only a draft's print model keeps them, see
 * buildPrintIssue) becomes a real Word revision, w:ins or w:del with its author and time, so
 * Word and WPS show it under 修订 and can accept or reject it there.
 */
function bodyRun(node: InlineNode, revisions: RevisionIds): ParagraphChild {
  if (node.type === 'hardBreak') return new TextRun({ break: 1, ...runFormat({}) });
  const bold = Boolean(node.marks?.some((mark) => mark.type === 'bold'));
  const suggestion = getSuggestionMark(node);
  if (!suggestion) return textRun(node.text, { bold });
  const revision = { id: revisions.take(), author: suggestion.attrs.author, date: new Date(suggestion.attrs.time).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const run = { text: cleanText(node.text), ...runFormat({ bold }), ...revision };
  return suggestion.type === 'insertion' ? new InsertedTextRun(run) : new DeletedTextRun(run);
}

/** Paragraphs with text only (as renderBodyHtml); the source ends the last one. */
function renderBody(item: PrintItem, revisions: RevisionIds): Paragraph[] {
  const paragraphs = item.body.content.filter((p) => (p.content ?? []).some((n) => n.type === 'text' && n.text.trim()));
  const runs: ParagraphChild[][] = paragraphs.map((paragraph: ParagraphNode) => (paragraph.content ?? []).map((node) => bodyRun(node, revisions)));
  const source = formatSources(item.sources);
  if (source) {
    if (runs.length === 0) runs.push([]);
    runs.at(-1)!.push(textRun(source));
  }
  return runs.map((children) =>
    block(children, {
      alignment: AlignmentType.BOTH,
      // Two characters: Word counts firstLineChars on the grid; firstLine is the fallback elsewhere.
      indent: { firstLineChars: 200, firstLine: 2 * CHAR_WIDTH },
    }),
  );
}

/** Assembles the body in print order, with a blank line before each block as the print's margins give. */
class BodyWriter {
  readonly paragraphs: Paragraph[] = [];
  /** Directly after a heading: the next block sits under it, without a blank line. */
  private isAttached = false;
  /** The next block starts a page (the contents had their own page). */
  private isPageStart = false;
  private readonly revisions = new RevisionIds();

  /** @param gapShortBy what the first blank line gives back to the masthead's rule right above it. */
  constructor(private gapShortBy: number) {}

  startNewPage(): void {
    this.isPageStart = true;
  }

  /** Where the next block goes: after a blank line, at the top of a new page, or right under a heading. */
  private placeBlock(isHeading: boolean): Pick<BlockOptions, 'gapBefore' | 'gapShortBy' | 'pageBreakBefore'> {
    const gapBefore = !this.isAttached && !this.isPageStart;
    const placement = { gapBefore, gapShortBy: gapBefore ? this.gapShortBy : 0, pageBreakBefore: this.isPageStart };
    this.isAttached = isHeading;
    this.isPageStart = false;
    this.gapShortBy = 0;
    return placement;
  }

  sectionHeading(name: string): void {
    const placement = this.placeBlock(true);
    this.paragraphs.push(block([textRun(`【${name}】`, { font: 'hei' })], { ...placement, keepNext: true }));
  }

  column(column: PrintColumn): void {
    if (column.name) {
      const placement = this.placeBlock(true);
      this.paragraphs.push(
        block([textRun(column.name, { bold: true })], { ...placement, keepNext: true, alignment: AlignmentType.CENTER }),
      );
    }
    for (const item of column.items) this.item(item);
  }

  private item(item: PrintItem): void {
    const placement = this.placeBlock(false);
    // The print's lines (lib/layout/title.ts), joined by line breaks in one centred paragraph.
    // Untracked, as in the print: at most 22 characters of 18 pt (396 pt) between the 1-character indents.
    const titleStyle: RunStyle = { font: 'xiaobiaosong', sizePt: 18, bold: true, characterSpacing: 0 };
    // A break that stands for a space keeps it at the line's end (not printed, but a reader of
    // the file, the legacy import among them, gets the title back as written).
    const titleLines = layoutTitleLines(item.title).map((line) => (line.isSpaced ? `${line.text} ` : line.text));
    const titleRuns = titleLines.flatMap((line, index) =>
      index === 0 ? [textRun(line, titleStyle)] : [new TextRun({ break: 1, ...runFormat(titleStyle) }), textRun(line, titleStyle)],
    );
    this.paragraphs.push(
      block(titleRuns, {
        ...placement,
        keepNext: true,
        keepLines: true,
        alignment: AlignmentType.CENTER,
        indent: { left: CHAR_WIDTH, right: CHAR_WIDTH },
      }),
    );
    const subtitle = item.subtitle?.trim();
    if (subtitle) this.paragraphs.push(block([textRun(subtitle, { font: 'kai' })], { keepNext: true, alignment: AlignmentType.CENTER }));
    this.paragraphs.push(...renderBody(item, this.revisions));
  }
}

/**
 * 版记: thick rule, 编辑 … 审核, thin rule, 分送 with its lines aligned after the label, thick rule.
 * Without distribution lines the block ends under the names; an issue with neither names nor
 * distribution (some imported ones) prints none. It follows the last item, kept in one piece;
 * Word has no "bottom of the last page" without laying the document out, so moving it down is
 * left to whoever finishes the file. The blank line above it gives back the height of its rules,
 * so it takes whole grid lines as in the print.
 */
function renderClosing(issue: PrintIssue): Paragraph[] {
  const style: RunStyle = { sizePt: CLOSING_SIZE_PT };
  const label = '分送：';
  const distribution = issue.distribution.filter((line) => line.trim());
  const [editorName, reviewerName] = [issue.editorName.trim(), issue.reviewerName.trim()];
  if (!editorName && !reviewerName && distribution.length === 0) return [];
  const lineIndent = CLOSING_EM * (1 + label.length);
  const thick = rule(8);
  const namesRules = { top: thick, bottom: distribution.length ? rule(6) : thick };
  const lastRule = { bottom: thick };
  const names = [editorName && `编辑：${editorName}`, reviewerName && `审核：${reviewerName}`];
  return [
    block(spreadLine(names[0]!, names[1]!, style), {
      gapBefore: true,
      gapShortBy: ruleHeight(namesRules) + (distribution.length ? ruleHeight(lastRule) : 0),
      keepNext: distribution.length > 0,
      keepLines: true,
      tabStops: spreadTabs(CLOSING_EM),
      border: namesRules,
    }),
    ...distribution.map((line, index) => {
      const isFirst = index === 0;
      const isLast = index === distribution.length - 1;
      const children = isFirst ? [tabRun(style), textRun(label + line, style)] : [tabRun(style), textRun(line, style)];
      return block(children, {
        keepNext: !isLast,
        keepLines: true,
        tabStops: [{ type: TabStopType.LEFT, position: isFirst ? CLOSING_EM : lineIndent }],
        ...(isLast ? { border: lastRule } : {}),
      });
    }),
  ];
}

/** `- N -`, 14 pt: odd pages at the right, even pages at the left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const format = runFormat({ font: 'song', sizePt: CLOSING_SIZE_PT });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CLOSING_EM } : { left: CLOSING_EM },
        spacing: { before: 0, after: 0, line: FOOTER_LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], ...format })],
      }),
    ],
  });
}
function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [textRun('样稿 · 未经发布，不得印发', { font: 'hei', sizePt: CLOSING_SIZE_PT, color: RED })],
      }),
    ],
  });
}

function buildDocument(issue: PrintIssue, isDraft: boolean): Document {
  const contentsLines = issue.contentsLines.filter((line) => line.trim());
  const body = new BodyWriter(contentsLines.length ? 0 : ruleHeight(MASTHEAD_RULE));
  if (contentsLines.length > 0 && issue.contentsOnOwnPage) body.startNewPage();
  for (const section of sortSectionsForPrint(issue.sections)) {
    const columns = section.columns.filter((column) => column.items.length > 0);
    if (columns.length === 0) continue;
    if (!section.isLead) body.sectionHeading(section.name);
    for (const column of columns) body.column(column);
  }

  const title = `${issue.publicationName} ${formatYearNumber(issue)}${isDraft ? '（样稿）' : ''}`;
  const header = isDraft ? draftHeader() : undefined;
  return new Document({
    title: cleanText(title),
    creator: cleanText(issue.publisher),
    lastModifiedBy: cleanText(issue.publisher),
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { ...runFormat({}), language: { value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
          paragraph: { spacing: { before: 0, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    // A line ended by a line break in a justified paragraph is not spread across the line.
    compatibility: { doNotExpandShiftReturn: true },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mmToTwips(15), footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        headers: header ? { default: header, even: draftHeader() } : undefined,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...renderMasthead(issue),
          ...(contentsLines.length ? renderContents(contentsLines) : []),
          ...body.paragraphs,
          ...renderClosing(issue),
        ],
      },
    ],
  });
}

const CORE_TIMESTAMP = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;

/**
 * The docx library stamps the package with the current time twice: in docProps/core.xml and in
 * the zip entries' modification times. Both become the issue date, and the package is zipped
 * again in the same order, so the same issue always gives the same bytes.
 */
function packDeterministic(packed: Uint8Array, issueDate: string): Buffer {
  const [year, month, day] = issueDate.split('-').map(Number);
  // Zip times are local wall-clock times: a local date gives the same fields in every time zone.
  const mtime = new Date(year!, month! - 1, day!, 12);
  const files = unzipSync(packed);
  const core = files['docProps/core.xml'];
  if (!core) throw new Error('docx package without docProps/core.xml');
  let stamps = 0;
  files['docProps/core.xml'] = strToU8(
    strFromU8(core).replace(CORE_TIMESTAMP, (_match, open: string, _name: string, close: string) => {
      stamps += 1;
      return `${open}${issueDate}T00:00:00Z${close}`;
    }),
  );
  if (stamps !== 2) throw new Error('docx core properties changed shape: cannot fix their timestamps');
  const entries: Zippable = {};
  for (const [path, data] of Object.entries(files)) entries[path] = [data, { mtime }];
  return Buffer.from(zipSync(entries));
}

/** The issue as a Word document: A4, the print's grid and fonts, page numbers in the footer. */
export async function renderIssueDocx(issue: PrintIssue, options: RenderIssueDocxOptions = {}): Promise<Buffer> {
  const document = buildDocument(issue, options.isDraft ?? false);
  const packed = await Packer.toBuffer(document);
  return packDeterministic(packed, issue.issueDate);
}
