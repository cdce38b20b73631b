// Display HTML for an item body, produced on the server from validated JSON. The allow-list
// is tiny (see lib/validations/item-body.ts), so every byte of markup is written here and
// every piece of user text is escaped: nothing typed or pasted can become markup.
import { resolveSuggestions } from '@/lib/suggestions';
import type { ItemBody, ParagraphNode } from '@/lib/validations/item-body';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function renderParagraph(paragraph: ParagraphNode): string {
  const inner = (paragraph.content ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      const text = escapeHtml(node.text);
      return node.marks?.length ? `<strong>${text}</strong>` : text;
    })
    .join('');
  return `<p>${inner}</p>`;
}

/**
 * Paragraphs with content only; the closing source, when given, ends the last paragraph.
 * Open 修订 are not shown: the text reads as if they had not been made.
 */
export function renderBodyHtml(body: ItemBody, sources: string[] = []): string {
  const paragraphs = resolveSuggestions(body).content.filter((p) => (p.content ?? []).some((n) => n.type === 'text' && n.text.trim()));
  const html = paragraphs.map(renderParagraph);
  const source = formatSources(sources);
  if (source) {
    const last = html.pop() ?? '<p></p>';
    html.push(last.replace(/<\/p>$/, `<span class="item-source">${escapeHtml(source)}</span></p>`));
  }
  return html.join('');
}

/** `（A、B）` as printed; empty when there is no source. */
export function formatSources(sources: string[]): string {
  const units = sources.map((s) => s.trim()).filter(Boolean);
  return units.length ? `（${units.join('、')}）` : '';
}
