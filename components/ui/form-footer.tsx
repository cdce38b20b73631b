import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { ActionForm } from '@/lib/hooks/use-action-form';
import { cn } from '@/lib/utils';

/**
 * The submit row of a form sent with useActionForm: the button (its label while pending), the
 * refusal, and, once the form went through, the success line (given the action's result).
 */
export function FormFooter<T>({
  form,
  label,
  pendingLabel,
  formError = form.formError,
  success,
  className = 'md:col-span-2',
}: {
  form: Pick<ActionForm<T>, 'state' | 'isPending' | 'formError'>;
  label: string;
  pendingLabel: string;
  /** The refusal shown; the form's own unless given. */
  formError?: string | null;
  success?: ReactNode | ((data: T) => ReactNode);
  className?: string;
}) {
  const { state, isPending } = form;
  const done = state?.ok ? (typeof success === 'function' ? success(state.data) : success) : null;
  return (
    <div className={cn('flex flex-wrap items-center gap-3', className)}>
      <Button type="submit" disabled={isPending}>
        {isPending ? pendingLabel : label}
      </Button>
      <FormError message={formError} />
      {done && (
        <p role="status" className="text-sm text-green-700">
          {done}
        </p>
      )}
    </div>
  );
}
