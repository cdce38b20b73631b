// How a URL carries the publication a list page is about: `?pub=<slug>`. The default (first)
// publication carries none, so every URL from before there were several keeps its meaning.
// Pages of one record (an issue, an item) need no parameter: their publication is the record's.

export const PUBLICATION_PARAM = 'pub';

/** A publication as links need it. */
export interface PublicationLink {
  slug: string;
  isDefault: boolean;
}

/** `href` for this publication: `?pub=<slug>` added (or replaced) unless it is the default one. */
export function publicationHref(href: string, publication: PublicationLink | null | undefined): string {
  const [path = '', hash] = href.split('#', 2);
  const [pathname = '', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete(PUBLICATION_PARAM);
  if (publication && !publication.isDefault) params.set(PUBLICATION_PARAM, publication.slug);
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}${hash === undefined ? '' : `#${hash}`}`;
}

/** The slug a search-parameter value names (the first one when repeated), or null. */
export function readPublicationParam(value: string | string[] | null | undefined): string | null {
  const slug = Array.isArray(value) ? value[0] : value;
  return slug ? slug : null;
}
