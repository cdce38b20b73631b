// Item titles as the bulletin prints them: centred bold lines of at most TITLE_CHARS_PER_LINE
// characters. An editor may choose where a long title breaks by typing one line break in the
// title ("…工作会暨\n党建工作述职会"); the stored title then holds that "\n". Without a chosen
// break a title that does not fit one line is broken here — never inside a word: at a space
// or before —— first, then after ，、；： or a closing quote, and only failing those between
// two words, with the lines as even as the candidates allow. The print template, the DOCX,
// the web view and the editor's preview all take their lines from layoutTitle, so they agree.
//
// Pure: no DOM, no React. Word boundaries come from Intl.Segmenter (ICU's Chinese
// dictionary), which Node and every current browser provide.
import { TITLE_CHARS_PER_LINE } from '@/lib/layout/grid';
import { displayWidth } from '@/lib/layout/width';

/** The chosen break, as stored in the title. */
export const TITLE_BREAK = '\n';

/** A title's chosen lines, trimmed, blank lines dropped (one line when nothing was chosen). */
export function getChosenTitleLines(title: string): string[] {
  return title
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The stored form of what an editor typed: lines trimmed, one "\n" between them. */
export function normalizeTitle(title: string): string {
  return getChosenTitleLines(title).join(TITLE_BREAK);
}

/**
 * The title on one line, for lists, the contents, messages and search results: a chosen break
 * reads as a space, as in the office's own texts ("丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行").
 */
export function getTitleText(title: string): string {
  return getChosenTitleLines(title).join(' ');
}

export function hasChosenTitleBreak(title: string): boolean {
  return getChosenTitleLines(title).length > 1;
}

// Break costs: lower is better. A break is a place between two characters where a new line
// may start; its cost says how natural the break reads.
const COST = {
  /** At a space (the space is not printed) or before a dash: the title's own phrase boundary. */
  phrase: 0,
  /** After ，；： (the clause ends). */
  clause: 1,
  /** After 、 or a closing quote or bracket. */
  list: 2,
  /** Between two words of more than one character each. */
  words: 4,
  /** Between words where one of them is a single character (the dictionary may have split a name). */
  weakWords: 7,
} as const;

/** No line may start with these (GB/T 15834 and the print's CJK line-breaking rules). */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’…·,.;:?!)\]}%]/u;
/** No line may end with these. */
const NO_LINE_END = /[（《「『【〔“‘([{]$/u;
const CLAUSE_END = /[，；：]$/u;
const LIST_END = /[、”’）》」』】〕]$/u;
const DASH = '——';

interface Break {
  /** Index (UTF-16) where the next line starts. */
  at: number;
  /** Characters dropped at the break (a space). */
  skip: number;
  cost: number;
}

let segmenter: Intl.Segmenter | undefined;
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return segmenter;
}

function isHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Every place a line of this text may end, with its cost. */
function findBreaks(text: string): Break[] {
  const breaks = new Map<number, Break>();
  const offer = (candidate: Break) => {
    const before = text.slice(0, candidate.at).trimEnd();
    const after = text.slice(candidate.at + candidate.skip);
    if (!before || !after || NO_LINE_START.test(after) || NO_LINE_END.test(before)) return;
    const known = breaks.get(candidate.at);
    if (!known || known.cost > candidate.cost) breaks.set(candidate.at, candidate);
  };

  for (const match of text.matchAll(/[ \u00a0\u3000]+/gu)) offer({ at: match.index, skip: match[0].length, cost: COST.phrase });
  for (let at = text.indexOf(DASH, 1); at > 0; at = text.indexOf(DASH, at + DASH.length)) {
    offer({ at, skip: 0, cost: COST.phrase });
  }

  const segments = [...getSegmenter().segment(text)];
  for (let i = 1; i < segments.length; i += 1) {
    const previous = segments[i - 1]!;
    const next = segments[i]!;
    const at = next.index;
    const before = text.slice(0, at);
    if (previous.segment.trim() === '' || next.segment.trim() === '') continue; // spaces: above
    if (before.endsWith('—') && next.segment.startsWith('—')) continue; // inside ——
    if (CLAUSE_END.test(before)) {
      offer({ at, skip: 0, cost: COST.clause });
    } else if (LIST_END.test(before)) {
      offer({ at, skip: 0, cost: COST.list });
    } else if (previous.isWordLike && next.isWordLike) {
      // Latin words and numbers are never split: a boundary between two of them is a space,
      // found above. Between Han words the cost depends on how sure the dictionary is.
      if (!isHan(previous.segment) && !isHan(next.segment)) continue;
      const isWeak = Array.from(previous.segment).length === 1 || Array.from(next.segment).length === 1;
      offer({ at, skip: 0, cost: isWeak ? COST.weakWords : COST.words });
    } else if (previous.isWordLike && /^[“‘《（「『【]/u.test(next.segment)) {
      // Before an opening quote or bracket: a quoted phrase starts the line.
      offer({ at, skip: 0, cost: COST.list });
    }
  }
  return [...breaks.values()].sort((a, b) => a.at - b.at);
}

interface Layout {
  lines: TitleLine[];
  cost: number;
  spread: number;
}

function better(a: Layout, b: Layout | null): boolean {
  if (!b) return true;
  if (a.lines.length !== b.lines.length) return a.lines.length < b.lines.length;
  // Break quality first; evenness decides between breaks of the same quality.
  return a.cost * 4 + a.spread < b.cost * 4 + b.spread;
}

/** The best way to set `text` in `count` lines of at most `capacity`, or null. */
function bestLayout(text: string, breaks: Break[], count: number, capacity: number): Layout | null {
  let best: Layout | null = null;
  const choose = (from: number, startIndex: number, chosen: Break[]) => {
    if (chosen.length === count - 1) {
      const lines: TitleLine[] = [];
      let start = 0;
      for (const item of chosen) {
        lines.push({ text: text.slice(start, item.at).trim(), isSpaced: item.skip > 0 });
        start = item.at + item.skip;
      }
      lines.push({ text: text.slice(start).trim(), isSpaced: false });
      const widths = lines.map((line) => displayWidth(line.text));
      if (widths.some((width) => width > capacity || width === 0)) return;
      // A last line of one or two characters reads as an accident.
      const stub = widths.at(-1)! <= 2 ? COST.weakWords : 0;
      const layout = {
        lines,
        cost: chosen.reduce((sum, item) => sum + item.cost, 0) + stub,
        spread: Math.max(...widths) - Math.min(...widths),
      };
      if (better(layout, best)) best = layout;
      return;
    }
    for (let i = startIndex; i < breaks.length; i += 1) {
      const candidate = breaks[i]!;
      // The line so far must fit; later candidates only make it longer.
      if (displayWidth(text.slice(from, candidate.at).trim()) > capacity) break;
      choose(candidate.at + candidate.skip, i + 1, [...chosen, candidate]);
    }
  };
  choose(0, 0, []);
  return best;
}

/** One line of text set in as few, as even lines as natural breaks allow. */
function layoutLine(text: string, capacity: number): TitleLine[] {
  const width = displayWidth(text);
  if (width <= capacity) return [{ text, isSpaced: false }];
  const breaks = findBreaks(text);
  const fewest = Math.ceil(width / capacity);
  // A line or two more than the fewest at most: beyond that a word is too long for any line,
  // and trying every way to break around it would take forever.
  for (let count = fewest; count <= Math.min(breaks.length + 1, fewest + 2); count += 1) {
    const layout = bestLayout(text, breaks, count, capacity);
    if (layout) return layout.lines;
  }
  // Nothing natural fits (one very long word): let the printer wrap it.
  return [{ text, isSpaced: false }];
}

export interface TitleLine {
  text: string;
  /** The title reads with a space where this line ends (a chosen break, or a break at a space). */
  isSpaced: boolean;
}

/** The printed lines of a title, each with whether the break after it stands for a space. */
export function layoutTitleLines(title: string, capacity = TITLE_CHARS_PER_LINE): TitleLine[] {
  const chosen = getChosenTitleLines(title);
  return chosen.flatMap((line, index) => {
    const lines = layoutLine(line, capacity);
    if (index < chosen.length - 1) lines[lines.length - 1] = { ...lines.at(-1)!, isSpaced: true };
    return lines;
  });
}

/**
 * The printed lines of a title. A chosen break is kept; a line (chosen or not) wider than
 * `capacity` is broken as described above.
 */
export function layoutTitle(title: string, capacity = TITLE_CHARS_PER_LINE): string[] {
  return layoutTitleLines(title, capacity).map((line) => line.text);
}
