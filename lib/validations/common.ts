// Building blocks every schema uses, so that ids, numbers and text are checked the same way
// on every form and action. What PostgreSQL cannot store (NUL, broken UTF-16, numbers beyond
// int4) is refused here with a Chinese message instead of failing in the database.
import { z } from '@/lib/validations/zod';
import { characterCount, hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT, isStorableText } from '@/lib/text';

export { characterCount, hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT, isStorableText, removeInvisibleCharacters } from '@/lib/text';

/** PostgreSQL int4, the type of every id, version and number column. */
export const INT4_MAX = 2_147_483_647;

/**
 * A record id or version: a whole number 1..INT4_MAX, as a JSON number or as the digits a
 * form field sends. Nothing else is one: not `true`, `[1]`, `"1e0"`, `" 1"` or `"01"`.
 */
export function ZId(message = '编号无效') {
  return z
    .union([z.number(), z.string().regex(/^[1-9]\d{0,9}$/, message)], { error: message })
    .transform(Number)
    .pipe(z.number().int(message).min(1, message).max(INT4_MAX, message));
}

/** A yes/no: a JSON boolean, or "true"/"false" from a form field. */
export function ZBoolean(message: string) {
  return z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], { error: message });
}

/** Like ZId, but an empty form field or null means "none". */
/**
 * An id the client may not have yet (null: no section chosen, no version saved), refused with
 * the same message as an invalid one; its input type says so, so such a client call type-checks.
 */
export function ZChosenId(message: string) {
  return z.union([z.null(), ZId(message)], { error: message }).pipe(z.number({ error: message }));
}

export function ZOptionalId(message = '编号无效') {
  return z
    .union([z.literal(''), z.null(), ZId(message)], { error: message })
    .optional()
    .transform((value) => (value ? value : null));
}

interface TextOptions {
  /** Maximum length in characters. */
  max: number;
  /** Message when empty; absent: the text may be empty. */
  required?: string;
  /** Keep line breaks (comments); otherwise the text is one line. */
  isMultiline?: boolean;
  /** A further pattern the text must not match, with its message (e.g. angle brackets). */
  refuse?: { pattern: RegExp; message: string };
}

/**
 * Text a person typed: NFC, trimmed, line breaks normalised to \n, at most `max` characters,
 * and nothing invisible (see INVISIBLE). `label` names the field in messages: 标题, 姓名 …
 */
export function ZText(label: string, options: TextOptions) {
  const { max, required, isMultiline = false, refuse } = options;
  // No check aborts the others: an aborted field would also stop the object-level checks that
  // report every field at once (see ZUpdatePublicationSettings).
  let checked = z
    .string()
    .refine((value) => !hasInvisibleCharacters(value, { allowLineBreaks: isMultiline }), `${label}含有不允许的字符${INVISIBLE_CHARACTER_HINT}`);
  if (required) checked = checked.min(1, required);
  checked = checked.refine((value) => characterCount(value) <= max, `${label}不能超过${max}个字`);
  if (refuse) checked = checked.refine((value) => !refuse.pattern.test(value), refuse.message);
  return z
    .string({ error: required ?? `${label}须为文字` })
    .transform((value) => {
      const normalized = value.normalize('NFC');
      return (isMultiline ? normalized.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : normalized).trim();
    })
    .pipe(checked);
}

/** A search box: what cannot be searched for (too long, invisible characters) searches nothing. */
export const ZSearchQuery = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  ZText('搜索词', { max: 60 }).catch(''),
);

/** Limits of a request body, checked before any schema sees it. */
export const INPUT_LIMITS = { depth: 32, values: 20_000 } as const;

/**
 * What is wrong with a request body as a whole, before its schema is looked at: a string
 * PostgreSQL cannot store anywhere in it, nesting too deep to be a real form, or too many
 * values. Iterative, so that a hostile body cannot overflow the stack.
 */
export function findInputProblem(input: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let seen = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (++seen > INPUT_LIMITS.values) return '提交的内容过多。';
    if (typeof value === 'string') {
      if (!isStorableText(value)) return '提交的内容含有无法保存的字符（空字符或残缺的 Unicode 字符）。';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= INPUT_LIMITS.depth) return '提交的内容嵌套过深。';
    const children = Array.isArray(value) ? value : value instanceof Date ? [] : Object.entries(value).flat();
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
