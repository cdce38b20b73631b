'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { PUBLICATION_PARAM, publicationHref, type PublicationLink } from '@/lib/publication-param';

// Which publication the signed-in shell is in: the `?pub=` of a list page, or, on the page of
// one record (an issue, an item), the record's own publication, which that page announces
// with <RecordPublication>. The switcher shows it and the navigation links keep it.

export interface PublicationOption extends PublicationLink {
  name: string;
}

interface RecordMark {
  pathname: string;
  slug: string;
}

interface PublicationContextValue {
  publications: PublicationOption[];
  current: PublicationOption | null;
  markRecord: (mark: RecordMark) => void;
}

const PublicationContext = createContext<PublicationContextValue>({ publications: [], current: null, markRecord: () => {} });

export function PublicationProvider({ publications, children }: { publications: PublicationOption[]; children: ReactNode }) {
  const pathname = usePathname();
  const slug = useSearchParams().get(PUBLICATION_PARAM);
  const [mark, markRecord] = useState<RecordMark | null>(null);
  const wanted = mark?.pathname === pathname ? mark.slug : slug;
  const current = publications.find((p) => p.slug === wanted) ?? publications.find((p) => p.isDefault) ?? null;
  return <PublicationContext value={{ publications, current, markRecord }}>{children}</PublicationContext>;
}

/** The current publication (null before one exists). */
export function useCurrentPublication(): PublicationOption | null {
  return useContext(PublicationContext).current;
}

/** Rendered by a record's page: the shell is in the record's publication while it is shown. */
export function RecordPublication({ slug }: { slug: string }) {
  const { markRecord } = useContext(PublicationContext);
  const pathname = usePathname();
  useEffect(() => markRecord({ pathname, slug }), [markRecord, pathname, slug]);
  return null;
}

/**
 * Where switching leads from this page: the same list page in the other publication, or the
 * area's list from the page of one record (/issues/12 → /issues). Other filters are dropped:
 * sections, years and sources belong to one publication.
 */
function switchTarget(pathname: string): string {
  const [, area = '', second] = pathname.split('/');
  return second && /^\d+$/.test(second) ? `/${area}` : pathname;
}

/** The header's switcher; shown only when there is more than one publication. */
export function PublicationSwitcher() {
  const { publications, current } = useContext(PublicationContext);
  const pathname = usePathname();
  const router = useRouter();
  if (publications.length < 2 || !current) return null;
  return (
    <label className="flex shrink-0 items-center gap-1 text-sm">
      <span className="sr-only">切换刊物</span>
      <select
        data-testid="publication-switcher"
        value={current.slug}
        onChange={(event) => {
          const next = publications.find((p) => p.slug === event.target.value);
          if (next) router.push(publicationHref(switchTarget(pathname), next));
        }}
        className="h-8 max-w-[11rem] rounded-md border border-border bg-white px-2 font-medium text-brand"
      >
        {publications.map((publication) => (
          <option key={publication.slug} value={publication.slug}>
            {publication.name}
          </option>
        ))}
      </select>
    </label>
  );
}
