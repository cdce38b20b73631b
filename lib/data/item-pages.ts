import 'server-only';
import { db } from '@/lib/db';
import { getActiveSectionOptions, listSections, type SectionOption } from '@/lib/data/sections';

/** A section an item may be filed under (the item form's picker takes these). */
export type SectionChoice = Pick<SectionOption, 'id' | 'name' | 'columns'> & { isRetired?: boolean };

/**
 * The section picker for an item: its publication's sections in use (the item's own
 * publication, else the one given), plus the item's own section if it was retired since.
 */
export async function getSectionChoices(current?: { sectionId: number }, publicationId?: number): Promise<SectionChoice[]> {
  const ownPublicationId = current
    ? (await db.section.findUnique({ where: { id: current.sectionId }, select: { publicationId: true } }))?.publicationId
    : publicationId;
  const choices: SectionChoice[] = await getActiveSectionOptions(ownPublicationId);
  if (current && !choices.some((s) => s.id === current.sectionId)) {
    const retired = (await listSections({ includeRetired: true, publicationId: ownPublicationId })).find((s) => s.id === current.sectionId);
    if (retired) {
      choices.push({
        id: retired.id,
        name: retired.name,
        isRetired: true,
        columns: retired.columns.map(({ id, name }) => ({ id, name })),
      });
    }
  }
  return choices;
}
