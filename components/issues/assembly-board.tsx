'use client';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import {
  orderSectionItemsAction,
  putItemBackInIssueAction,
  removeItemFromIssueAction,
  sortIssueByCatalogueAction,
} from '@/lib/actions/issues';
import { FormError } from '@/components/ui/form-error';
import { BOARD_SCREEN_READER_INSTRUCTIONS, boardAnnouncements } from '@/components/issues/board-announcements';

export interface BoardItem {
  id: number;
  title: string;
  columnName: string | null;
  /** The column's catalogue position; -1 outside any column. */
  columnRank: number;
  characterCount: number;
}

/** Whether the section's items are in catalogue order: outside any column first, then by column. */
function isInCatalogueOrder(items: readonly BoardItem[]): boolean {
  return items.every((item, index) => index === 0 || items[index - 1]!.columnRank <= item.columnRank);
}

export interface BoardSection {
  id: number;
  name: string;
  isLead: boolean;
  items: BoardItem[];
}

function SortableRow({
  item,
  index,
  count,
  isEditable,
  onMove,
  onRemove,
}: {
  item: BoardItem;
  index: number;
  count: number;
  isEditable: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !isEditable });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 rounded-md border border-border bg-white px-3 py-2 ${isDragging ? 'shadow-lg' : ''}`}
      data-testid={`board-item-${item.id}`}
    >
      {isEditable && (
        <button
          type="button"
          className="cursor-grab px-1 text-muted-foreground"
          aria-label={`拖动排序：${item.title}`}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
      )}
      <span className="w-6 text-right text-xs text-muted-foreground">{index + 1}</span>
      <span className="flex-1">
        <span data-title>{item.title}</span>
        {item.columnName && <span className="ml-2 text-xs text-muted-foreground">专栏：{item.columnName}</span>}
      </span>
      <span className="text-xs text-muted-foreground">{item.characterCount} 字</span>
      {isEditable && (
        <>
          <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`上移：${item.title}`} data-move="up">
            上移
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={`下移：${item.title}`}
            data-move="down"
          >
            下移
          </Button>
          <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`移出本期：${item.title}`}>
            移出
          </Button>
        </>
      )}
    </li>
  );
}

/** An item just taken out of the issue, with what is needed to put it back where it was. */
interface RemovedItem {
  item: BoardItem;
  sectionItemIds: number[];
}

/** How long 撤销 stays offered after 移出. */
const UNDO_MS = 10_000;

function SectionList({
  issueId,
  section,
  isEditable,
  onRemoved,
}: {
  issueId: number;
  section: BoardSection;
  isEditable: boolean;
  onRemoved: (removed: RemovedItem) => void;
}) {
  const router = useRouter();
  const [items, setItems] = useState(section.items);
  // The server's order wins whenever it sends a new one (after any change, by anyone).
  const [serverItems, setServerItems] = useState(section.items);
  if (serverItems !== section.items) {
    setServerItems(section.items);
    setItems(section.items);
  }
  const [error, setError] = useState<string | null>(null);
  const [isSaving, startTransition] = useTransition();
  // 上移/下移 re-inserts the row, which would drop the focus: it goes back to the moved item's
  // button (the other one when it reached the end), and the new place is announced.
  const listRef = useRef<HTMLOListElement>(null);
  const movedRef = useRef<{ id: number; direction: 'up' | 'down' } | null>(null);
  const [moveMessage, setMoveMessage] = useState('');
  useLayoutEffect(() => {
    const moved = movedRef.current;
    if (!moved) return;
    movedRef.current = null;
    const row = listRef.current?.querySelector(`[data-testid="board-item-${moved.id}"]`);
    const other = moved.direction === 'up' ? 'down' : 'up';
    const button = [moved.direction, other]
      .map((direction) => row?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]`))
      .find((candidate) => candidate && !candidate.disabled);
    button?.focus();
  }, [items]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function save(next: BoardItem[]) {
    const previous = items;
    setItems(next);
    startTransition(async () => {
      const result = await orderSectionItemsAction({ id: issueId, sectionId: section.id, itemIds: next.map((i) => i.id) });
      if (!result.ok) {
        setItems(previous);
        setError(result.message);
        return;
      }
      setError(null);
      router.refresh();
    });
  }

  function onMove(from: number, to: number) {
    const item = items[from]!;
    movedRef.current = { id: item.id, direction: to < from ? 'up' : 'down' };
    setMoveMessage(`“${item.title}”已${to < from ? '上移' : '下移'}到第 ${to + 1} 位。`);
    save(arrayMove(items, from, to));
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    save(arrayMove(items, from, to));
  }

  function onRemove(item: BoardItem) {
    const sectionItemIds = items.map((i) => i.id);
    startTransition(async () => {
      const result = await removeItemFromIssueAction({ id: issueId, itemId: item.id });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setItems((current) => current.filter((i) => i.id !== item.id));
      onRemoved({ item, sectionItemIds });
      router.refresh();
    });
  }

  return (
    <section aria-label={section.name} aria-busy={isSaving} data-testid={`board-section-${section.id}`}>
      <h3 className="mb-2 font-semibold">{section.isLead ? `${section.name}（要闻，不印栏目名）` : `【${section.name}】`}</h3>
      {!isInCatalogueOrder(items) && (
        <p className="mb-2 text-xs text-amber-800" data-testid={`board-order-hint-${section.id}`}>
          本栏顺序与印刷顺序不一致：印刷时专栏稿件集中排在专栏标题之下。可点“按栏目目录排序”整理。
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: boardAnnouncements(items), screenReaderInstructions: BOARD_SCREEN_READER_INSTRUCTIONS }}
      >
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol ref={listRef} className="space-y-2">
            {items.map((item, index) => (
              <SortableRow
                key={item.id}
                item={item}
                index={index}
                count={items.length}
                isEditable={isEditable}
                onMove={onMove}
                onRemove={() => onRemove(item)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p role="status" className="sr-only" data-testid={`board-announcement-${section.id}`}>
        {moveMessage}
      </p>
      <FormError message={error} className="mt-1 text-sm text-danger" />
    </section>
  );
}

/** One click for the catalogue's order in every section (see sortIssueByCatalogue). */
function SortByCatalogueButton({ issueId }: { issueId: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isSorting, startTransition] = useTransition();
  function onSort() {
    startTransition(async () => {
      const result = await sortIssueByCatalogueAction({ id: issueId });
      setMessage(result.ok ? { text: '已按栏目目录排序', isError: false } : { text: result.message, isError: true });
      if (result.ok) router.refresh();
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button type="button" size="sm" variant="outline" onClick={onSort} disabled={isSorting}>
        按栏目目录排序
      </Button>
      <span className="text-xs text-muted-foreground">各栏目内：不属于专栏的稿件在前，专栏稿件按专栏顺序集中，其余保持现有先后。</span>
      {message && (
        <span role={message.isError ? 'alert' : 'status'} className={message.isError ? 'text-danger' : 'text-green-700'}>
          {message.text}
        </span>
      )}
    </div>
  );
}

/** 移出 takes effect at once; this notice offers 撤销 for a while, which puts the item back in its place. */
function UndoRemoveNotice({ issueId, removed, onClose }: { issueId: number; removed: RemovedItem; onClose: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isUndoing, startTransition] = useTransition();
  useEffect(() => {
    const timer = setTimeout(onClose, UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed, onClose]);

  function onUndo() {
    startTransition(async () => {
      const result = await putItemBackInIssueAction({ id: issueId, itemId: removed.item.id, sectionItemIds: removed.sectionItemIds });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      onClose();
      router.refresh();
    });
  }

  return (
    // Fixed to the bottom of the window: the row clicked may be anywhere on a long board.
    <div
      role="status"
      className="fixed inset-x-4 bottom-4 z-50 mx-auto flex max-w-xl flex-wrap items-center gap-3 rounded-md border border-border bg-white px-4 py-3 text-sm shadow-lg"
      data-testid="undo-remove"
    >
      <span>已将“{removed.item.title}”移出本期，稿件回到待编。</span>
      <Button type="button" size="sm" variant="outline" onClick={onUndo} disabled={isUndoing}>
        撤销
      </Button>
      <FormError message={error} className="text-sm text-danger" />
    </div>
  );
}

/** The issue's items by section, in print order; drag, keyboard or buttons reorder them. */
export function AssemblyBoard({ issueId, sections, isEditable }: { issueId: number; sections: BoardSection[]; isEditable: boolean }) {
  const [removed, setRemoved] = useState<RemovedItem | null>(null);
  const [closeRemoved] = useState(() => () => setRemoved(null));
  const notice = removed && <UndoRemoveNotice key={removed.item.id} issueId={issueId} removed={removed} onClose={closeRemoved} />;
  if (!sections.length) {
    return (
      <div className="space-y-3">
        {notice}
        <p className="text-sm text-muted-foreground">本期还没有稿件。</p>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      {notice}
      {isEditable && <SortByCatalogueButton issueId={issueId} />}
      {sections.map((section) => (
        <SectionList key={section.id} issueId={issueId} section={section} isEditable={isEditable} onRemoved={setRemoved} />
      ))}
    </div>
  );
}
