// 目录提要 as generated from what an issue prints (no database).
import type { PrintSection } from '@/lib/export/print-issue';
import { getTitleText } from '@/lib/layout/title';
import type { ContentsStyle } from '@/lib/validations/publication';

/**
 * 目录提要 as generated: the lead items' titles, then for every other section that carries
 * items its first item's title (HEADLINES) or its name (SECTIONS), in print order. Until
 * someone edits the contents they are always generated from the items as they are now.
 */
export function generateContentsLines(sections: PrintSection[], style: ContentsStyle = 'HEADLINES'): string[] {
  return sections.flatMap((section) => {
    const items = section.columns.flatMap((column) => column.items);
    if (section.isLead) return items.map((item) => getTitleText(item.title));
    if (style === 'SECTIONS') return [section.name];
    return items.length ? [getTitleText(items[0]!.title)] : [];
  });
}
