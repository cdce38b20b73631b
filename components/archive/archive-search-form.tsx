import { Button } from '@/components/ui/button';
import { FilterSelect, SectionFilter } from '@/components/ui/filter-select';
import { Input } from '@/components/ui/input';
import type { SearchFilterOptions } from '@/lib/data/archive';
import { PUBLICATION_PARAM, type PublicationLink } from '@/lib/publication-param';
import type { ArchiveSearchParams } from '@/lib/validations/archive';


/**
 * The archive's search box (a plain GET form, so results have a URL to share); with the
 * filters once the options are known (the results page).
 */
export function ArchiveSearchForm({
  values = {},
  options,
  publication,
}: {
  values?: Partial<ArchiveSearchParams>;
  options?: SearchFilterOptions;
  /** Whose archive is searched (the default publication's without ?pub=). */
  publication?: PublicationLink;
}) {
  return (
    <form role="search" action="/published/search" className="flex flex-wrap items-end gap-2 text-sm">
      {publication && !publication.isDefault && <input type="hidden" name={PUBLICATION_PARAM} value={publication.slug} />}
      <Input
        type="search"
        name="q"
        defaultValue={values.q}
        placeholder="标题、正文或来源中的字词，多个词用空格分开"
        aria-label="搜索历期稿件"
        className="max-w-md"
        maxLength={60}
      />
      {options && (
        <>
          <FilterSelect
            label="年份"
            name="year"
            defaultValue={values.year}
            allLabel="全部年份"
            options={options.years.map((year) => ({ value: year, label: `${year}年` }))}
          />
          <SectionFilter sections={options.sections} defaultValue={values.section} />
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">来源单位</span>
            <Input name="source" defaultValue={values.source} list="archive-sources" placeholder="全部来源" className="w-52" maxLength={60} />
            <datalist id="archive-sources">
              {options.sources.map((unit) => (
                <option key={unit} value={unit} />
              ))}
            </datalist>
          </label>
        </>
      )}
      <Button type="submit" variant="outline">
        搜索
      </Button>
    </form>
  );
}
