// Item states as the interface names them (no zod: the editor imports this in the browser).
export const ITEM_STATUS_LABELS = { DRAFT: '草稿', READY: '待编' } as const;
export type ItemStatus = keyof typeof ITEM_STATUS_LABELS;

/**
 * Where an item is in its life, as the lists show it: 草稿 and 待编 (its own status), 已编入 (placed
 * in an issue not yet published) and 已刊发 (its issue is published; the item is then locked).
 */
export const ITEM_STAGE_LABELS = { DRAFT: '草稿', READY: '待编', PLACED: '已编入', PUBLISHED: '已刊发' } as const;
export type ItemStage = keyof typeof ITEM_STAGE_LABELS;

export function getItemStage(item: { status: ItemStatus; issue: { status: string } | null }): ItemStage {
  if (item.issue) return item.issue.status === 'PUBLISHED' ? 'PUBLISHED' : 'PLACED';
  return item.status;
}
