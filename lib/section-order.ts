// The order sections print in, defined once: the lead (要闻) first, whatever its place in the
// catalogue, then the catalogue's order (position, then id for rows that share one). Used by
// the print model, the print template, the DOCX, the import correction and the assembly board.

export interface SectionPlace {
  isLead: boolean;
  /** The catalogue position; omitted for sections already in catalogue order (a frozen print). */
  position?: number;
  id?: number;
}

/** Compares two sections' places in print order. */
export function compareSectionPlaces(a: SectionPlace, b: SectionPlace): number {
  return Number(b.isLead) - Number(a.isLead) || (a.position ?? 0) - (b.position ?? 0) || (a.id ?? 0) - (b.id ?? 0);
}

/** The sections in print order (a stable sort: sections without a position keep their order). */
export function sortSectionsForPrint<T>(sections: readonly T[], placeOf: (section: T) => SectionPlace): T[];
export function sortSectionsForPrint<T extends SectionPlace>(sections: readonly T[]): T[];
export function sortSectionsForPrint<T>(sections: readonly T[], placeOf = (section: T) => section as SectionPlace): T[] {
  return [...sections].sort((a, b) => compareSectionPlaces(placeOf(a), placeOf(b)));
}
