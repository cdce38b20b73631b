'use client';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { callWithRawInput, type Action, type ActionResult } from '@/lib/action-result';

/**
 * Submits a form to a server action. The form keeps what the user typed when the server
 * refuses it (field errors show next to the fields) and is cleared only on success. Fields
 * named in `arrays` are always sent as lists (one checked box is still a list; none checked
 * is left out so the server's own message applies). A refusal moves the focus into the form:
 * to the first field marked invalid, else its first field. A form's fields are whatever the
 * user typed, so they reach the action unchecked by the compiler; its schema parses them.
 */
export function useActionForm<T>(
  serverAction: Action<never, T>,
  { arrays = [], resetOnSuccess = true }: { arrays?: string[]; resetOnSuccess?: boolean } = {},
) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (!state || state.ok) return;
    const form = formRef.current;
    const field =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])');
    field?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    formRef.current = formElement;
    const form = new FormData(formElement);
    const input: Record<string, unknown> = Object.fromEntries(form);
    for (const key of arrays) if (form.has(key)) input[key] = form.getAll(key);
    startTransition(async () => {
      const result = await callWithRawInput(serverAction, input);
      setState(result);
      if (result.ok && resetOnSuccess) formElement.reset();
    });
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok && !state.fieldErrors ? state.message : undefined;
  return { state, onSubmit, isPending, fieldErrors, formError };
}

/** What useActionForm gives a form: its submit handler, state, errors and whether it is pending. */
export type ActionForm<T> = ReturnType<typeof useActionForm<T>>;
