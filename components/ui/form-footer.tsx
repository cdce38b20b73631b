import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { cn } from '@/lib/utils';

/** The submit row of a form: the button (its label while pending), the refusal, the success line. */
export function FormFooter({
  isPending,
  label,
  pendingLabel,
  formError,
  success,
  className = 'md:col-span-2',
}: {
  isPending: boolean;
  label: string;
  pendingLabel: string;
  formError?: string | null;
  /** Shown (as a status) once the form went through; nothing while it has not. */
  success?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap items-center gap-3', className)}>
      <Button type="submit" disabled={isPending}>
        {isPending ? pendingLabel : label}
      </Button>
      <FormError message={formError} />
      {success && (
        <p role="status" className="text-sm text-green-700">
          {success}
        </p>
      )}
    </div>
  );
}
