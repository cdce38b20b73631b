'use client';
import { useEffect, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { BodyField } from '@/components/editor/body-field';
import { TitleField } from '@/components/editor/title-field';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Label } from '@/components/ui/label';
import { TextField } from '@/components/ui/text-field';
import { createSubmissionAction, readSubmissionFileAction, reviseSubmissionAction } from '@/lib/actions/submissions';
import type { FieldErrors } from '@/lib/errors';
import { removeTrailingSource } from '@/lib/paste/trailing-source';
import type { ItemBody } from '@/lib/validations/item-body';

export interface SubmissionDraft {
  title: string;
  body: ItemBody;
  writer: string;
  writerPhone: string;
  signedOffBy: string;
  fileName: string | null;
}

interface SubmissionFormProps {
  /** Set when revising a returned submission. */
  submission: { id: number; version: number } | null;
  requestId: number | null;
  initialDraft: SubmissionDraft;
}

const AUTOSAVE_MS = 800;

/** Where the browser keeps the draft while it is written (the server keeps only what was sent). */
function draftKey(submission: { id: number } | null, requestId: number | null): string {
  return `submission-draft:${submission ? submission.id : `new:${requestId ?? ''}`}`;
}

function readStoredDraft(key: string): SubmissionDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as SubmissionDraft) : null;
  } catch {
    return null;
  }
}

export function SubmissionForm({ submission, requestId, initialDraft }: SubmissionFormProps) {
  const router = useRouter();
  const key = draftKey(submission, requestId);
  const [draft, setDraft] = useState<SubmissionDraft>(initialDraft);
  const [bodyReplacement, setBodyReplacement] = useState<{ body: ItemBody; key: number }>();
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [fileNotice, setFileNotice] = useState<string | null>(null);
  const [savedLocally, setSavedLocally] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [isReading, startReading] = useTransition();
  const isFirstRender = useRef(true);

  // A draft kept in this browser (reload, closed tab) is taken up again.
  useEffect(() => {
    const stored = readStoredDraft(key);
    if (!stored) return;
    // localStorage exists only in the browser, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraft(stored);
    setBodyReplacement({ body: stored.body, key: Date.now() });
    setSavedLocally(true);
  }, [key]);

  // Autosave: every change is kept in this browser shortly after typing stops.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      window.localStorage.setItem(key, JSON.stringify(draft));
      setSavedLocally(true);
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, key]);

  const update = (patch: Partial<SubmissionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    startReading(async () => {
      const result = await readSubmissionFileAction(form);
      if (!result.ok) {
        setFileNotice(null);
        setFormError(result.fieldErrors?.file?.[0] ?? result.message);
        return;
      }
      setFormError(null);
      const { title, body, fileName, paragraphs } = result.data;
      update({ title: title || draft.title, body, fileName });
      setBodyReplacement({ body, key: Date.now() });
      setFileNotice(`已读取“${fileName}”：${paragraphs}段正文${title ? '，标题已填入' : '，请填写标题'}。请核对后报送。`);
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...draft, body: removeTrailingSource(draft.body), requestId };
    startTransition(async () => {
      const result = submission
        ? await reviseSubmissionAction({ ...input, id: submission.id, version: submission.version })
        : await createSubmissionAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(result.fieldErrors ? '请按提示修改后再报送。' : result.message);
        return;
      }
      window.localStorage.removeItem(key);
      const id = submission ? submission.id : (result.data as { id: number }).id;
      router.push(`/submissions/${id}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="submission-form">
      <div className="rounded-md border border-dashed border-border bg-white p-4">
        <Label htmlFor="submission-file">从 Word 文件读取（.docx）</Label>
        <input
          id="submission-file"
          type="file"
          accept=".docx,.txt"
          onChange={onFile}
          disabled={isReading}
          aria-describedby="submission-file-hint"
          className="mt-1 block w-full text-sm"
        />
        <p id="submission-file-hint" className="mt-1 text-xs text-muted-foreground" aria-live="polite">
          {isReading ? '正在读取…' : (fileNotice ?? '读取后标题和正文会填入下方，可再修改。也可以直接在下方输入或粘贴。')}
        </p>
      </div>

      <TitleField value={draft.title} onChange={(title) => update({ title })} errors={errors?.title} />
      <BodyField
        id="submission-body"
        errors={errors?.body}
        initialBody={initialDraft.body}
        replaceWith={bodyReplacement}
        onChange={(body) => update({ body })}
        onSourcesDetected={() => {}}
      />

      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ['submission-writer', 'writer', '执笔人', 'text'],
            ['submission-phone', 'writerPhone', '联系电话', 'tel'],
            ['submission-signed-off', 'signedOffBy', '审签人（单位负责人）', 'text'],
          ] as const
        ).map(([id, field, label, type]) => (
          <TextField key={id} id={id} label={label} type={type} value={draft[field]} onChange={(e) => update({ [field]: e.target.value })} errors={errors?.[field]} />
        ))}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending || isReading}>
          {isPending ? '正在报送…' : submission ? '修改后重新报送' : '报送'}
        </Button>
        <span className="text-sm text-muted-foreground" data-testid="draft-status" aria-live="polite">
          {savedLocally ? '草稿已自动保存在本机浏览器' : '输入内容后自动保存草稿'}
        </span>
        <FormError message={formError} />
      </div>
    </form>
  );
}
