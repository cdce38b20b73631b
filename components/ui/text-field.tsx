import type { ComponentProps, ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * A labelled text input with its error message under it: the field points to the message with
 * aria-describedby (`<id>-error`) and is marked invalid while there is one.
 */
export function TextField({
  id,
  label,
  errors,
  className,
  ...input
}: Omit<ComponentProps<typeof Input>, 'id' | 'className'> & { id: string; label: ReactNode; errors?: string[]; className?: string }) {
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={!!errors} aria-describedby={`${id}-error`} {...input} />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
