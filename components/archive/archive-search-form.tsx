import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { SearchFilterOptions } from '@/lib/data/archive';
import type { ArchiveSearchParams } from '@/lib/validations/archive';

const selectClass = 'h-9 rounded-md border border-border bg-white px-2 text-sm';

/**
 * The archive's search box (a plain GET form, so results have a URL to share); with the
 * filters once the options are known (the results page).
 */
export function ArchiveSearchForm({ values = {}, options }: { values?: Partial<ArchiveSearchParams>; options?: SearchFilterOptions }) {
  return (
    <form role="search" action="/published/search" className="flex flex-wrap items-end gap-2 text-sm">
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
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">年份</span>
            <select name="year" defaultValue={values.year ?? ''} className={selectClass}>
              <option value="">全部年份</option>
              {options.years.map((year) => (
                <option key={year} value={year}>
                  {year}年
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-muted-foreground">栏目</span>
            <select name="section" defaultValue={values.section ?? ''} className={selectClass}>
              <option value="">全部栏目</option>
              {options.sections.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
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
