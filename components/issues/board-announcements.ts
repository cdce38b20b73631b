import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';

/** What dnd-kit says to screen readers on the assembly board, in Chinese and by item title. */
export const BOARD_SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: '按空格键拿起稿件，用上下方向键移动，再按空格键放下；按 Esc 键取消。',
};

/** The live region's sentences for one section's items, in their order before the drag. */
export function boardAnnouncements(items: readonly { id: number; title: string }[]): Announcements {
  const titleOf = (id: UniqueIdentifier) => items.find((item) => item.id === id)?.title ?? '稿件';
  const place = (id: UniqueIdentifier) => `第 ${items.findIndex((item) => item.id === id) + 1} 位`;
  const count = `共 ${items.length} 篇`;
  // dnd-kit reports the item over itself right after the pick-up: that would replace the
  // pick-up sentence, so its own place is said only once it has been elsewhere.
  let hasLeftItsPlace = false;
  return {
    onDragStart: ({ active }) => {
      hasLeftItsPlace = false;
      return `已拿起“${titleOf(active.id)}”，现在${place(active.id)}，${count}。`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return `“${titleOf(active.id)}”不在可放下的位置。`;
      if (over.id === active.id && !hasLeftItsPlace) return undefined;
      hasLeftItsPlace = true;
      return `“${titleOf(active.id)}”移到${place(over.id)}。`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `已放下“${titleOf(active.id)}”，现在${place(over.id)}。` : `已放下“${titleOf(active.id)}”，位置未变。`,
    onDragCancel: ({ active }) => `已取消拖动，“${titleOf(active.id)}”回到${place(active.id)}。`,
  };
}
