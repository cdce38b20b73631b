import 'server-only';
import { notFound } from 'next/navigation';
import { resolvePublication, type PublicationRef } from '@/lib/data/publication';
import { AppError } from '@/lib/errors';
import { PUBLICATION_PARAM, readPublicationParam } from '@/lib/publication-param';

/**
 * The publication a list page shows, from its `?pub=` search parameter (the default one
 * without it); an unknown short code is the page's 404.
 */
export async function getPagePublication(searchParams: Record<string, string | string[] | undefined>): Promise<PublicationRef> {
  try {
    return await resolvePublication(readPublicationParam(searchParams[PUBLICATION_PARAM]));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
