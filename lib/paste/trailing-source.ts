// The source attribution `（A、B）` that closes an item's last paragraph: found in pasted text,
// taken out of the body once it is in the item's sources field. Apart from the paste's line
// reconstruction (plain-text-paste.ts), which the editor loads only when needed.
import { EMPTY_BODY, getParagraphText } from '@/lib/item-body-text';
import type { ItemBody, ParagraphNode } from '@/lib/validations/item-body';

const TRAILING_SPACE = /[ \t\u00a0\u3000]+$/u;

/**
 * The source attribution closing a paragraph, split into its units: `…。（北京科技社团服务中心、
 * 平谷区科协）` → ['北京科技社团服务中心', '平谷区科协']. Only a full-width parenthesis at the
 * very end counts, with at most 60 characters and no sentence inside.
 */
export function detectTrailingSource(paragraph: string): string[] | null {
  const match = matchTrailingSource(paragraph);
  if (match === null) return null;
  const units = match.content
    .split('、')
    .map((unit) => unit.trim())
    .filter((unit) => unit !== '');
  return units.length > 0 ? units : null;
}

/** The paragraph without its trailing source attribution (unchanged when there is none). */
export function stripTrailingSource(paragraph: string): string {
  const match = matchTrailingSource(paragraph);
  return match === null ? paragraph : paragraph.slice(0, match.index).replace(TRAILING_SPACE, '');
}

/**
 * The body without the source closing its last paragraph, once the source is taken into the
 * item's sources field (it is printed from there). A paragraph that held only the source goes
 * with it, and so do empty paragraphs and line breaks left at the end: nothing blank is left.
 */
export function removeTrailingSource(body: ItemBody): ItemBody {
  const isBlank = (paragraph: ParagraphNode) => getParagraphText(paragraph).trim() === '';
  const content = [...body.content];
  while (content.length > 0 && isBlank(content.at(-1)!)) content.pop();
  const last = content.at(-1);
  if (!last) return body;
  const nodes = [...(last.content ?? [])];
  const trimBreaks = () => {
    while (nodes.at(-1)?.type === 'hardBreak') nodes.pop();
  };
  trimBreaks();
  const tail = nodes.at(-1);
  if (tail?.type !== 'text') return body;
  const stripped = stripTrailingSource(tail.text);
  if (stripped === tail.text) return body;
  if (stripped) nodes[nodes.length - 1] = { ...tail, text: stripped };
  else nodes.pop();
  trimBreaks();
  const paragraph = { ...last, content: nodes };
  content[content.length - 1] = paragraph;
  if (isBlank(paragraph)) content.pop();
  return content.length > 0 ? { ...body, content } : EMPTY_BODY;
}

function matchTrailingSource(paragraph: string): { index: number; content: string } | null {
  const match = /（([^（）]+)）[ \t\u00a0\u3000]*$/u.exec(paragraph);
  if (match === null) return null;
  const content = (match[1] ?? '').trim();
  if (content === '' || Array.from(content).length > 60 || /[。！？；!?]/u.test(content)) return null;
  return { index: match.index, content };
}
