// What text PostgreSQL can store and what would print as nothing: plain functions without zod,
// for the schemas (lib/validations/common.ts) and for the editor in the browser alike.

/** A lone UTF-16 surrogate: JavaScript strings can hold one, PostgreSQL text and JSON cannot. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Characters that print as nothing or change what is around them: control characters (NUL
 * among them), format characters (zero-width spaces and joiners, bidi embeddings, overrides
 * and isolates U+202A–202E / U+2066–2069, the BOM, soft hyphens) and the Unicode line and
 * paragraph separators. In a title or a name they make two texts look alike or reorder
 * what is printed, so they are refused, never silently kept.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** The same, but a line break (and a tab, printed as a space) is allowed in multi-line text. */
const INVISIBLE_EXCEPT_LINES = /[\p{Cf}\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

export const INVISIBLE_CHARACTER_HINT = '（如控制符、零宽字符或文字方向控制符）';

/** Whether PostgreSQL can store the string at all (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** Whether the text holds a character that would print as nothing or reorder the line. */
export function hasInvisibleCharacters(value: string, options: { allowLineBreaks?: boolean } = {}): boolean {
  return (options.allowLineBreaks ? INVISIBLE_EXCEPT_LINES : INVISIBLE).test(value) || LONE_SURROGATE.test(value);
}

const INVISIBLE_GLOBAL = new RegExp(INVISIBLE_EXCEPT_LINES.source, 'gu');

/**
 * Pasted text without what would print as nothing (zero-width spaces, soft hyphens, bidi
 * controls, stray control characters): they arrive unseen from Word and web pages, and the
 * server refuses them. Line breaks and tabs stay; the paste cleaners deal with those.
 */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE_GLOBAL, '').replace(LONE_SURROGATE_GLOBAL, '');
}

/**
 * Length in code points (not UTF-16 units), whitespace included: for input length limits. The
 * count shown to readers (`N 字`) is countCharacters (lib/layout/estimate.ts).
 */
export function characterCount(value: string): number {
  return [...value].length;
}
