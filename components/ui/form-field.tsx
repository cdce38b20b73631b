import type { ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';

/** What a field hands its control: the id the label points to, the invalid mark and the hint and error it is described by. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string;
}

/** The small grey line under a field that says what to type. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-xs text-muted-foreground">
      {children}
    </p>
  );
}

/**
 * A labelled form field: the control (an input, textarea or select, rendered by `children`),
 * its hint and its error message under it. The control points to both with aria-describedby
 * (`<id>-hint`, `<id>-error`) and is marked invalid while there is an error.
 */
export function FormField({
  id,
  label,
  errors,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, 'aria-invalid': !!errors, 'aria-describedby': hint ? `${id}-hint ${errorId}` : errorId })}
      {hint && <FieldHint id={`${id}-hint`}>{hint}</FieldHint>}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
