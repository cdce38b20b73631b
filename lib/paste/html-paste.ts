// HTML paste for the item editor (Tiptap's `transformPastedHTML`). Word, WPS and web pages put
// fonts, colours, class names, conditional comments, Office XML and scripts on the clipboard;
// a bulletin item only keeps paragraphs, line breaks and bold (see lib/validations/item-body.ts).
// The cleaner walks the parsed DOM and writes new HTML from scratch, so nothing from the source
// (attributes, unknown tags, comments) can survive by accident.
import { displayWidth } from '@/lib/layout/estimate';

export type HtmlParser = (html: string) => Document;

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'head', 'title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template', 'xml',
  'img', 'picture', 'source', 'track', 'svg', 'math', 'canvas', 'video', 'audio', 'map', 'area',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output',
]);

/** Elements whose content becomes one or more paragraphs of its own. */
const BLOCKS = new Set([
  'html', 'body', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'address',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'menu', 'dir',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'figcaption',
  'center', 'hr', 'form', 'fieldset', 'legend', 'details', 'summary',
]);

/** Whitespace that HTML collapses; full-width spaces (U+3000) are text and stay. */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]/u;

type Inline = { kind: 'text'; text: string; bold: boolean } | { kind: 'br' };

interface Context {
  bold: boolean;
  pre: boolean;
}

/**
 * Cleans pasted HTML down to `<p>`, `<br>`, `<strong>` and text. `parser` parses a whole HTML
 * document (in the browser: `(h) => new DOMParser().parseFromString(h, 'text/html')`; parsing
 * with DOMParser runs no scripts and loads no images).
 */
export function cleanPastedHtml(html: string, parser: HtmlParser): string {
  const document = parser(prepareHtml(html));
  const root = document.body ?? document.documentElement;
  if (!root) return '';
  const builder = new ParagraphBuilder();
  walk(root, { bold: false, pre: false }, builder);
  builder.endParagraph();
  return builder.paragraphs
    .map(normaliseParagraph)
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${paragraph.map(renderInline).join('')}</p>`)
    .join('');
}

/** String-level fixes before parsing, for things parsers disagree on. */
function prepareHtml(html: string): string {
  let text = html;
  // Raw CF_HTML as some browsers hand it over: "Version:0.9\r\nStartHTML:…" before the markup.
  if (/^Version:\d/u.test(text)) text = text.slice(Math.max(0, text.indexOf('<')));
  // Word's downlevel-revealed conditionals: `<![if !supportLists]>1.&nbsp;<![endif]>` hold list
  // numbers, empty-paragraph fillers and VML fallbacks. Browsers parse the markers as comments
  // and keep what is between them as content, so remove the whole block here.
  text = text.replace(/<!\[if\s[^\]]*\]>[\s\S]*?<!\[endif\]>/giu, '');
  // Comments go too (incl. <!--[if gte mso 9]><xml>…</xml><![endif]--> and the StartFragment
  // markers), so that markup mentioned in one cannot mislead the check below.
  text = text.replace(/<!--[\s\S]*?-->/gu, '');
  // Fragments ("<meta charset='utf-8'><p>…" from Chrome, or a <body> without <html>) get a
  // document around them; browsers do that themselves but not every DOM implementation does.
  if (!/<html[\s>]/iu.test(text) || !/<body[\s>]/iu.test(text)) {
    text = text.replace(/<\/?(?:html|head|body)(?:\s[^>]*)?>/giu, '');
    text = `<!DOCTYPE html><html><head></head><body>${text}</body></html>`;
  }
  return text;
}

class ParagraphBuilder {
  readonly paragraphs: Inline[][] = [];
  private current: Inline[] = [];

  text(text: string, context: Context): void {
    if (!context.pre) {
      this.current.push({ kind: 'text', text, bold: context.bold });
      return;
    }
    text.split('\n').forEach((line, index) => {
      if (index > 0) this.current.push({ kind: 'br' });
      if (line !== '') this.current.push({ kind: 'text', text: line, bold: context.bold });
    });
  }

  lineBreak(): void {
    this.current.push({ kind: 'br' });
  }

  endParagraph(): void {
    if (this.current.length > 0) this.paragraphs.push(this.current);
    this.current = [];
  }
}

function walk(parent: Node, context: Context, builder: ParagraphBuilder): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) {
      builder.text(node.nodeValue ?? '', context);
    } else if (node.nodeType === 1) {
      visitElement(node as Element, context, builder);
    }
    // Comments (incl. Word's <!--[if gte mso 9]>…<![endif]--> and StartFragment markers),
    // processing instructions and doctypes are dropped.
  }
}

function visitElement(element: Element, context: Context, builder: ParagraphBuilder): void {
  const name = element.localName.toLowerCase();
  if (DROPPED.has(name)) return;
  if (name === 'br') {
    builder.lineBreak();
    return;
  }
  const style = readStyle(element);
  // Hidden text, and Word's list numbers when they come without the conditional around them.
  if (style.get('display') === 'none' || style.get('mso-hide') === 'all' || style.get('mso-list') === 'ignore') {
    return;
  }
  const inner: Context = {
    bold: isBold(name, style, context.bold),
    pre: context.pre || name === 'pre',
  };
  // Office namespaced tags (<o:p>, <w:sdt>, <v:textbox>…) are unwrapped: their text is kept.
  if (BLOCKS.has(name)) {
    builder.endParagraph();
    walk(element, inner, builder);
    builder.endParagraph();
  } else {
    walk(element, inner, builder);
  }
}

/** Declarations of the style attribute, lower-cased, `!important` dropped. */
function readStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/iu, '')
      .trim()
      .toLowerCase();
    if (property !== '') declarations.set(property, value);
  }
  return declarations;
}

function isBold(name: string, style: Map<string, string>, inherited: boolean): boolean {
  // Only `font-weight` itself counts: Word writes `mso-bidi-font-weight:normal` on bold runs.
  const weight = style.get('font-weight');
  if (weight !== undefined) {
    if (weight === 'bold' || weight === 'bolder') return true;
    if (weight === 'normal' || weight === 'lighter') return false;
    const numeric = Number(weight);
    if (Number.isFinite(numeric) && weight !== '') return numeric >= 700;
  }
  return name === 'b' || name === 'strong' || inherited;
}

/**
 * Collapses whitespace as a browser would render it, with the CSS rule for East Asian text:
 * a line break in the source between two CJK characters disappears instead of becoming a space
 * (Word breaks its HTML source lines inside Chinese text). Non-breaking spaces become normal
 * spaces; leading and trailing spaces, full-width indentation and line breaks are trimmed.
 */
function normaliseParagraph(paragraph: readonly Inline[]): Inline[] {
  const output: Inline[] = [];
  let pending: { newlineOnly: boolean } | null = null;
  let previousChar: string | null = null; // null at the start of the paragraph or after a <br>
  let previousBold = false;
  let hasText = false;

  const emit = (text: string, bold: boolean) => {
    const last = output.at(-1);
    if (last?.kind === 'text' && last.bold === bold) last.text += text;
    else output.push({ kind: 'text', text, bold });
  };

  for (const inline of paragraph) {
    if (inline.kind === 'br') {
      pending = null;
      if (hasText) output.push({ kind: 'br' });
      previousChar = null;
      continue;
    }
    for (const char of inline.text) {
      if (COLLAPSIBLE.test(char)) {
        const isNewline = char === '\n' || char === '\r';
        if (pending === null) pending = { newlineOnly: isNewline };
        else if (!isNewline) pending.newlineOnly = false;
        continue;
      }
      if (!hasText && char === '\u3000') continue; // indentation typed as full-width spaces
      if (pending !== null && previousChar !== null) {
        const joinsCjk = pending.newlineOnly && displayWidth(previousChar) === 1 && displayWidth(char) === 1;
        if (!joinsCjk) emit(' ', previousBold && inline.bold);
      }
      pending = null;
      emit(char, inline.bold);
      previousChar = char;
      previousBold = inline.bold;
      hasText = true;
    }
  }
  if (!hasText) return [];
  // Trailing line breaks and full-width spaces carry nothing.
  for (let last = output.at(-1); last !== undefined; last = output.at(-1)) {
    if (last.kind === 'text') last.text = last.text.replace(/\u3000+$/u, '');
    if (last.kind === 'text' && last.text !== '') break;
    output.pop();
  }
  return output;
}

function renderInline(inline: Inline): string {
  if (inline.kind === 'br') return '<br>';
  const text = escapeHtml(inline.text);
  return inline.bold ? `<strong>${text}</strong>` : text;
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
