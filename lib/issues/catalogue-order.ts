// The order items take within an issue's sections (no database).

export interface PlacedItem {
  id: number;
  sectionId: number;
  /** The column's place in the section's catalogue; -1 outside any column (printed first). */
  columnRank: number;
}

/**
 * Catalogue order within a section: items outside any column first, then each column in the
 * catalogue's order, as the print groups them; within a group the order stays as it is.
 */
export function sortByCatalogue<T extends Pick<PlacedItem, 'columnRank'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.columnRank - b.columnRank);
}

export function groupBySection<T extends Pick<PlacedItem, 'sectionId'>>(items: readonly T[]): Map<number, T[]> {
  const sections = new Map<number, T[]>();
  for (const item of items) {
    const section = sections.get(item.sectionId);
    if (section) section.push(item);
    else sections.set(item.sectionId, [item]);
  }
  return sections;
}
