'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import Link from 'next/link';
import { BodyField } from '@/components/editor/body-field';
import type { Editor } from '@tiptap/core';
import { ConflictPanel } from '@/components/editor/conflict-panel';
import { SuggestionPanel } from '@/components/editor/suggestion-panel';
import {
  clearLocalCopy,
  readLocalCopy,
  serializeDraft,
  type ItemDraft,
  toDraft,
  type LocalCopy,
  type ServerItemCopy,
} from '@/components/editor/item-draft';
import { TitleField } from '@/components/editor/title-field';
import { ProofreadPanel } from '@/components/proofread/proofread-panel';
import { useItemProofread, type ProofreadContext } from '@/components/proofread/use-item-proofread';
import { SAVE_STATUS_LABELS, useItemAutosave } from '@/components/editor/use-item-autosave';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { TextField } from '@/components/ui/text-field';
import { createItemAction, saveItemAction } from '@/lib/actions/items';
import { removeTrailingSource } from '@/lib/paste/trailing-source';
import { formatBeijingDateTime } from '@/lib/dates';
import { GRID } from '@/lib/layout/grid';
import { countBodyCharacters, estimateItemLines } from '@/lib/layout/estimate';
import { formatSources } from '@/lib/render-body';
import { cn } from '@/lib/utils';
import { getBodyParagraphs } from '@/lib/item-body-text';
import type { ItemBody } from '@/lib/validations/item-body';
import { ITEM_STATUS_LABELS } from '@/lib/item-status';
import { UnitSourceHints } from '@/components/editor/unit-source-hints';
import type { MatchableUnit } from '@/lib/units/match';

export interface SectionChoice {
  id: number;
  name: string;
  isRetired?: boolean;
  columns: { id: number; name: string }[];
}

interface ItemFormProps {
  itemId: number | null;
  version: number | null;
  initialDraft: ItemDraft;
  sections: SectionChoice[];
  /** The glossary and the findings ignored in this item (校对). */
  proofread?: ProofreadContext;
  /** An existing item offers 修订, signed with this name (the current user's). */
  suggestionAuthor?: string;
  /** The unit catalogue, for the 来源 field's suggestions. */
  units?: readonly MatchableUnit[];
}

function splitSources(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function ItemForm({ itemId, version, initialDraft, sections, proofread: proofreadContext, suggestionAuthor, units = [] }: ItemFormProps) {
  const [draft, setDraft] = useState<ItemDraft>(initialDraft);
  const [sourcesText, setSourcesText] = useState(initialDraft.sources.join('、'));
  const [bodyReplacement, setBodyReplacement] = useState<{ body: ItemBody; key: number }>();
  const [offeredSources, setOfferedSources] = useState<string[] | null>(null);
  const [localCopy, setLocalCopy] = useState<LocalCopy | null>(null);
  const [replacedText, setReplacedText] = useState<ItemDraft | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);

  const update = useCallback((patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const autosave = useItemAutosave({
    itemId,
    initialVersion: version,
    draft,
    canSave: (d) => d.title.trim() !== '' && d.sectionId !== null,
    save: async (d, baseVersion) => {
      const id = autosave.getItemId();
      if (id === null) return createItemAction(d);
      return saveItemAction({ ...d, id, baseVersion });
    },
    // The address becomes the item's own without a navigation: a navigation would remount the
    // form from the server's copy and drop whatever was typed while the item was being created.
    // Next.js keeps its router in step with history.replaceState (usePathname, back button).
    onCreated: (id) => window.history.replaceState(null, '', `/items/${id}`),
  });

  // A local copy newer than what the server sent is offered back (reload, crashed tab).
  useEffect(() => {
    const copy = readLocalCopy(itemId);
    // localStorage exists only in the browser, after hydration: this is what effects are for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (copy && serializeDraft(copy.draft) !== serializeDraft(initialDraft)) setLocalCopy(copy);
    // Only on first render: later copies are our own autosave's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function replaceDraft(next: ItemDraft) {
    setDraft(next);
    setSourcesText(next.sources.join('、'));
    setBodyReplacement({ body: next.body, key: Date.now() });
  }

  function onRestoreLocalCopy() {
    if (!localCopy) return;
    replaceDraft(localCopy.draft);
    setLocalCopy(null);
  }

  function onDiscardLocalCopy() {
    clearLocalCopy(itemId);
    setLocalCopy(null);
  }

  function onKeepMine(server: ServerItemCopy) {
    autosave.resolveConflict(server.version, { keepMine: true, serverDraft: toDraft(server) });
  }

  function onTakeTheirs(server: ServerItemCopy) {
    // The user's text stays on screen below the editor until they dismiss it.
    setReplacedText(draft);
    const serverDraft = toDraft(server);
    replaceDraft(serverDraft);
    autosave.resolveConflict(server.version, { keepMine: false, serverDraft });
  }

  function onAcceptOfferedSources() {
    if (!offeredSources) return;
    const merged = [...new Set([...draft.sources, ...offeredSources])];
    // Remove the source from the end of the last paragraph: it is printed from the field.
    const body = removeTrailingSource(draft.body);
    update({ sources: merged, body });
    setSourcesText(merged.join('、'));
    setBodyReplacement({ body, key: Date.now() });
    setOfferedSources(null);
  }

  const proofread = useItemProofread({
    glossary: proofreadContext?.glossary ?? [],
    ignoredKeys: proofreadContext?.ignoredKeys ?? [],
    getItemId: autosave.getItemId,
    title: draft.title,
    subtitle: draft.subtitle,
    onTitleChange: (title) => update({ title }),
    onSubtitleChange: (subtitle) => update({ subtitle }),
  });

  const { setEditor: setProofreadEditor } = proofread;
  const onEditorReady = useCallback(
    (ready: Editor | null) => {
      setProofreadEditor(ready);
      setEditor(ready);
    },
    [setProofreadEditor],
  );

  const section = sections.find((s) => s.id === draft.sectionId);
  const paragraphs = useMemo(() => getBodyParagraphs(draft.body), [draft.body]);
  const characters = useMemo(() => countBodyCharacters(draft.body), [draft.body]);
  const lines = useMemo(
    () => estimateItemLines({ title: draft.title, subtitle: draft.subtitle, paragraphs, sources: draft.sources }),
    [draft.title, draft.subtitle, paragraphs, draft.sources],
  );
  const errors = autosave.fieldErrors;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
        <span
          data-testid="save-status"
          className={cn(
            'rounded px-2 py-0.5',
            autosave.status === 'saved' && 'bg-green-50 text-green-700',
            autosave.status === 'saving' && 'bg-muted',
            (autosave.status === 'dirty' || autosave.status === 'invalid') && 'bg-amber-50 text-amber-800',
            autosave.status === 'conflict' && 'bg-red-50 text-danger',
          )}
        >
          {SAVE_STATUS_LABELS[autosave.status]}
        </span>
        {autosave.status === 'invalid' && !errors && <span className="text-amber-800">填写标题并选择栏目后自动保存</span>}
        {autosave.isSignedOut && (
          <span role="alert" className="text-danger" data-testid="signed-out">
            登录已失效，正文未能保存到服务器，但已保存在本机浏览器中，不会丢失。请
            <Link href="/login" target="_blank" rel="noopener" className="mx-0.5 font-medium underline">
              登录
            </Link>
            （在新标签页中打开），登录后本页自动继续保存。
          </span>
        )}
        {autosave.message && autosave.status !== 'conflict' && (
          <span role="alert" className="text-danger">
            {autosave.message}
          </span>
        )}
        <span className="ml-auto text-muted-foreground" data-testid="item-counts">
          正文 {characters} 字 · 约 {lines} 行（{(lines / GRID.linesPerPage).toFixed(1)} 页）
        </span>
        <Button type="button" size="sm" variant="outline" onClick={() => void autosave.saveNow()}>
          立即保存
        </Button>
      </div>

      {localCopy && (
        <div role="alert" className="flex items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
          <span>
            发现本机保存的未提交内容（{formatBeijingDateTime(localCopy.savedAt)}）。要恢复吗？
          </span>
          <Button type="button" size="sm" onClick={onRestoreLocalCopy}>
            恢复本地内容
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={onDiscardLocalCopy}>
            丢弃
          </Button>
        </div>
      )}

      {autosave.conflict && (
        <ConflictPanel
          mine={draft}
          server={autosave.conflict}
          onKeepMine={() => onKeepMine(autosave.conflict!)}
          onTakeTheirs={() => onTakeTheirs(autosave.conflict!)}
        />
      )}

      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <div className="space-y-4">
          <TitleField value={draft.title} onChange={(title) => update({ title })} errors={errors?.title} />
          <TextField
            id="item-subtitle"
            label="副标题（可选）"
            value={draft.subtitle}
            onChange={(e) => update({ subtitle: e.target.value })}
            errors={errors?.subtitle}
            placeholder="——副标题"
          />
          <BodyField
            id="item-body"
            errors={errors?.body}
            initialBody={initialDraft.body}
            replaceWith={bodyReplacement}
            onChange={(body) => update({ body })}
            onSourcesDetected={setOfferedSources}
            onEditorReady={onEditorReady}
          >
            {suggestionAuthor !== undefined && itemId !== null && <SuggestionPanel editor={editor} body={draft.body} author={suggestionAuthor} />}
            {offeredSources && (
              <div role="status" className="mt-2 flex items-center gap-3 rounded-md bg-muted px-3 py-2 text-sm">
                <span>检测到文末来源 {formatSources(offeredSources)}，设为来源并从正文中移除？</span>
                <Button type="button" size="sm" onClick={onAcceptOfferedSources}>
                  设为来源
                </Button>
                <Button type="button" size="sm" variant="outline" onClick={() => setOfferedSources(null)}>
                  忽略
                </Button>
              </div>
            )}
          </BodyField>
          {replacedText && (
            <div className="rounded-md border border-border bg-white p-4 text-sm">
              <div className="mb-2 flex items-center gap-2">
                <strong>您被替换的文本</strong>
                <span className="text-muted-foreground">（已采用他人的版本，您的文本保留在此，可复制使用）</span>
                <Button type="button" size="sm" variant="outline" className="ml-auto" onClick={() => setReplacedText(null)}>
                  关闭
                </Button>
              </div>
              <p className="font-semibold">{replacedText.title}</p>
              <pre className="mt-1 whitespace-pre-wrap font-sans" data-testid="replaced-text">
                {getBodyParagraphs(replacedText.body).join('\n\n')}
              </pre>
            </div>
          )}
        </div>

        <aside className="space-y-4">
          <FormField id="item-section" label="栏目" errors={errors?.sectionId}>
            {(control) => (
              <select
                {...control}
                className="mt-1 h-9 w-full rounded-md border border-border bg-white px-2 text-sm"
                value={draft.sectionId ?? ''}
                onChange={(e) => update({ sectionId: e.target.value ? Number(e.target.value) : null, columnId: null })}
              >
                <option value="">请选择栏目</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.isRetired ? '（已停用）' : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {section && section.columns.length > 0 && (
            <FormField id="item-column" label="专栏（可选）" errors={errors?.columnId}>
              {(control) => (
                <select
                  {...control}
                  className="mt-1 h-9 w-full rounded-md border border-border bg-white px-2 text-sm"
                  value={draft.columnId ?? ''}
                  onChange={(e) => update({ columnId: e.target.value ? Number(e.target.value) : null })}
                >
                  <option value="">不属于专栏</option>
                  {section.columns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          <div>
            <Label htmlFor="item-sources">来源单位</Label>
            <Input
              id="item-sources"
              value={sourcesText}
              onChange={(e) => {
                setSourcesText(e.target.value);
                update({ sources: splitSources(e.target.value) });
              }}
              aria-invalid={!!errors?.sources}
              aria-describedby="item-sources-hint item-sources-error"
              placeholder="多个单位用顿号分隔"
            />
            <p id="item-sources-hint" className="mt-1 text-xs text-muted-foreground">
              印为：{formatSources(draft.sources) || '（无）'}
            </p>
            <UnitSourceHints
              units={units}
              text={sourcesText}
              onPick={(text) => {
                setSourcesText(text);
                update({ sources: splitSources(text) });
              }}
            />
            <FieldError id="item-sources-error" messages={errors?.sources} />
          </div>
          <TextField
            id="item-event-date"
            label="活动日期（可选）"
            type="date"
            value={draft.eventDate}
            onChange={(e) => update({ eventDate: e.target.value })}
            errors={errors?.eventDate}
          />
          <fieldset>
            <legend className="text-sm font-medium text-gray-700">状态</legend>
            <div className="mt-1.5 flex gap-4 text-sm">
              {(['DRAFT', 'READY'] as const).map((value) => (
                <label key={value} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="item-status"
                    value={value}
                    checked={draft.status === value}
                    onChange={() => update({ status: value })}
                    className="accent-brand"
                  />
                  {ITEM_STATUS_LABELS[value]}
                </label>
              ))}
            </div>
          </fieldset>
          <ProofreadPanel findings={proofread.findings} message={proofread.message} onFix={proofread.fix} onIgnore={(f) => void proofread.ignore(f)} />
        </aside>
      </div>
    </div>
  );
}
