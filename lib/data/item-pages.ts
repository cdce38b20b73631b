import 'server-only';
import { getActiveSectionOptions, listSections, type SectionOption } from '@/lib/data/sections';

/** A section an item may be filed under (the item form's picker takes these). */
export type SectionChoice = Pick<SectionOption, 'id' | 'name' | 'columns'> & { isRetired?: boolean };

/** The section picker for an item: sections in use, plus the item's own if it was retired since. */
export async function getSectionChoices(current?: { sectionId: number }): Promise<SectionChoice[]> {
  const choices: SectionChoice[] = await getActiveSectionOptions();
  if (current && !choices.some((s) => s.id === current.sectionId)) {
    const retired = (await listSections({ includeRetired: true })).find((s) => s.id === current.sectionId);
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
