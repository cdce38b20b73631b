// The item body is Tiptap JSON restricted to what a bulletin can print: paragraphs, text,
// bold and line breaks. Anything else (headings, images, links, colours, unknown attrs) is
// refused by the server, so what is stored is always printable and safe to render.
import { z } from 'zod';
import { getBodyText, type ItemBody, type ParagraphNode } from '@/lib/item-body-text';
import { hasInvisibleCharacters, INVISIBLE_CHARACTER_HINT } from '@/lib/validations/common';

/** Sane upper bounds: a bulletin item is ~1,500 characters; 20,000 is far beyond any. */
export const BODY_LIMITS = { characters: 20_000, paragraphs: 400 } as const;

const ZBoldMark = z.object({ type: z.literal('bold') }).strict();

const ZTextNode = z
  .object({
    type: z.literal('text'),
    text: z.string().min(1).max(BODY_LIMITS.characters, `正文不能超过${BODY_LIMITS.characters}字`),
    marks: z.array(ZBoldMark).max(1).optional(),
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
