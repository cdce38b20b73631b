// Character classes the rules share.

const HAN = /\p{Script=Han}/u;

/** A Chinese character (〇 included: it is Han in Unicode). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Full-width punctuation of Chinese text (GB/T 15834). */
export const ZH_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】「」…—';

export function isZhPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && ZH_PUNCTUATION.includes(ch);
}

/** Chinese text around a mark: a Han character or a full-width mark. */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isZhPunctuation(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

const SPACE = /[ \t\u00a0\u3000]/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** The nearest character before `index` that is not a space. */
export function previousVisible(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isSpace(text[i])) return text[i];
  return undefined;
}

/** The nearest character from `index` on that is not a space, and where it is. */
export function nextVisible(text: string, index: number): { ch: string | undefined; at: number } {
  for (let i = index; i < text.length; i++) if (!isSpace(text[i])) return { ch: text[i], at: i };
  return { ch: undefined, at: text.length };
}
