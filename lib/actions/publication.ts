'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/action';
import { createPublication, updatePublicationSettings } from '@/lib/data/publication';
import { ZCreatePublication, ZUpdatePublicationSettings } from '@/lib/validations/publication';

export const updatePublicationSettingsAction = action(
  { roles: ['ADMIN'], schema: ZUpdatePublicationSettings },
  async (input, user) => {
    const result = await updatePublicationSettings(input, user);
    // Masthead, 版记 and issue numbers are read on every request elsewhere; only this page is cached.
    revalidatePath('/admin/publication');
    return result;
  },
);

export const createPublicationAction = action({ roles: ['ADMIN'], schema: ZCreatePublication }, async (input, user) => {
  const result = await createPublication(input, user);
  // The switcher in every page's header lists the publications.
  revalidatePath('/', 'layout');
  return result;
});
