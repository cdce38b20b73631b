'use client';
import type { ActionResult } from '@/lib/action';

// Edits on the issue page that save themselves after a pause (目录提要) register here, so that
// an action which freezes the issue (提交审核) first sends what is still waiting.
type PendingSave = () => Promise<ActionResult<unknown>>;

const pendingSaves = new Set<PendingSave>();

export function registerPendingSave(save: PendingSave): () => void {
  pendingSaves.add(save);
  return () => {
    pendingSaves.delete(save);
  };
}

/** Sends every waiting edit; the first refusal is returned (and the caller stops there). */
export async function savePendingEdits(): Promise<ActionResult<null>> {
  for (const save of pendingSaves) {
    const result = await save();
    if (!result.ok) return result;
  }
  return { ok: true, data: null };
}
