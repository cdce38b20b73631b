import type { ComponentProps, ReactNode } from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';

interface FieldProps {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
}

/** A labelled text input with its hint and error message under it (see FormField). */
export function TextField({ id, label, errors, hint, className, ...input }: Omit<ComponentProps<typeof Input>, keyof FieldProps> & FieldProps) {
  return (
    <FormField id={id} label={label} errors={errors} hint={hint} className={className}>
      {(control) => <Input {...control} {...input} />}
    </FormField>
  );
}

/** A labelled textarea with its hint and error message under it (see FormField). */
export function TextareaField({ id, label, errors, hint, className, ...textarea }: Omit<ComponentProps<typeof Textarea>, keyof FieldProps> & FieldProps) {
  return (
    <FormField id={id} label={label} errors={errors} hint={hint} className={className}>
      {(control) => <Textarea {...control} {...textarea} />}
    </FormField>
  );
}
