import type { ItemBody } from '@/lib/validations/item-body';
import type { ItemStatus } from '@/lib/validations/items';

/** What the item form edits; sent whole with every save. */
export interface ItemDraft {
  title: string;
  subtitle: string;
  sectionId: number | null;
  columnId: number | null;
  sources: string[];
  body: ItemBody;
  eventDate: string;
  status: ItemStatus;
}

/** The server's copy of an item, as a refused save returns it (see saveItem). */
export interface ServerItemCopy {
  title: string;
  subtitle: string | null;
  sectionId: number;
  columnId: number | null;
  sources: string[];
  body: ItemBody;
  eventDate: string | null;
  status: ItemStatus;
  version: number;
  lastEditor: string | null;
  updatedAt: string | Date;
}

export function toDraft(item: Omit<ServerItemCopy, 'version' | 'lastEditor' | 'updatedAt'>): ItemDraft {
  return {
    title: item.title,
    subtitle: item.subtitle ?? '',
    sectionId: item.sectionId,
    columnId: item.columnId,
    sources: item.sources,
    body: item.body,
    eventDate: item.eventDate ?? '',
    status: item.status,
  };
}

export function serializeDraft(draft: ItemDraft): string {
  return JSON.stringify(draft);
}

/** The local copy kept while typing, so a reload or a crashed tab loses nothing. */
export interface LocalCopy {
  draft: ItemDraft;
  baseVersion: number | null;
  savedAt: string;
}

export function localCopyKey(itemId: number | null): string {
  return `kexie:item-draft:${itemId ?? 'new'}`;
}

export function readLocalCopy(itemId: number | null): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(localCopyKey(itemId));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(itemId: number | null, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(localCopyKey(itemId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server copy still autosaves.
  }
}

export function clearLocalCopy(itemId: number | null): void {
  try {
    window.localStorage.removeItem(localCopyKey(itemId));
  } catch {
    // ignore
  }
}
