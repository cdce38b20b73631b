// Item states as the interface names them (no zod: the editor imports this in the browser).
export const ITEM_STATUS_LABELS = { DRAFT: '草稿', READY: '待编' } as const;
export type ItemStatus = keyof typeof ITEM_STATUS_LABELS;
