// The item body is Tiptap JSON restricted to what a bulletin can print: paragraphs, text,
// bold and line breaks, plus the 修订 marks (insertion, deletion) that exports resolve. Anything else (headings, images, links, colours, unknown attrs) is
// refused by the server, so what is stored is always printable and safe to render.
import { z } from '@/lib/validations/zod';
import { getBodyText, type ItemBody, type ParagraphNode } from '@/lib/item-body-text';
import { hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT } from '@/lib/validations/common';

/** Sane upper bounds: a bulletin item is ~1,500 characters; 20,000 is far beyond any. */
export const BODY_LIMITS = { characters: 20_000, paragraphs: 400 } as const;

const ZBoldMark = z.object({ type: z.literal('bold') }).strict();

// 修订 marks (lib/suggestions.ts): who suggested the insertion or deletion, and when.
const ZSuggestionAttrs = z
  .object({
    id: z.union([z.number().int().min(0).max(2_147_483_647), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]),
    author: z.string().trim().min(1).max(50),
    time: z.iso.datetime({ offset: true }),
  })
  .strict();
const ZInsertionMark = z.object({ type: z.literal('insertion'), attrs: ZSuggestionAttrs }).strict();
const ZDeletionMark = z.object({ type: z.literal('deletion'), attrs: ZSuggestionAttrs }).strict();
const ZTextMark = z.discriminatedUnion('type', [ZBoldMark, ZInsertionMark, ZDeletionMark]);

const ZTextNode = z
  .object({
    type: z.literal('text'),
    text: z.string().min(1).max(BODY_LIMITS.characters, `正文不能超过${BODY_LIMITS.characters}字`),
    marks: z
      .array(ZTextMark)
      .max(2)
      .refine((marks) => new Set(marks.map((m) => (m.type === 'bold' ? 'bold' : 'suggestion'))).size === marks.length, '一段文字只能有一处修订')
      .optional(),
  })
  .strict();

const ZHardBreakNode = z.object({ type: z.literal('hardBreak') }).strict();

export const ZParagraphNode = z
  .object({
    type: z.literal('paragraph'),
    content: z.array(z.discriminatedUnion('type', [ZTextNode, ZHardBreakNode])).max(2_000).optional(),
  })
  .strict();

export const ZItemBody = z
  .object({
    type: z.literal('doc'),
    content: z.array(ZParagraphNode).max(BODY_LIMITS.paragraphs, `正文段落过多（最多${BODY_LIMITS.paragraphs}段）`),
  })
  .strict()
  .superRefine((doc, ctx) => {
    if (getBodyText(doc).replace(/\n/g, '').length > BODY_LIMITS.characters) {
      ctx.addIssue({ code: 'custom', message: `正文不能超过${BODY_LIMITS.characters}字` });
    }
  });

/**
 * A body as sent by the editor: also nothing invisible in the text (a line break is a
 * hardBreak node, never a character). Stored bodies are read with ZItemBody alone, so that text
 * saved before this rule still opens.
 */
export const ZItemBodyInput = ZItemBody.superRefine((doc, ctx) => {
  const hasInvisible = doc.content.some((paragraph) =>
    (paragraph.content ?? []).some((node) => node.type === 'text' && hasInvisibleCharacters(node.text)),
  );
  if (hasInvisible) ctx.addIssue({ code: 'custom', message: `正文含有不允许的字符${INVISIBLE_CHARACTER_HINT}` });
});

export type { ItemBody, ParagraphNode };

// The schema and the plain types (lib/item-body-text.ts) describe the same body: the type check
// fails here when one changes without the other.
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type BodySchemaMatchesTypes = Assert<IsSame<z.output<typeof ZItemBody>, ItemBody> & IsSame<z.output<typeof ZParagraphNode>, ParagraphNode>>;

export { EMPTY_BODY } from '@/lib/item-body-text';

// The text helpers live in a module without zod, so the editor's bundle does not carry it.
export { getBodyParagraphs, getBodyText, getParagraphText } from '@/lib/item-body-text';
