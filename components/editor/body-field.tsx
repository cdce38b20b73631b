'use client';
import type { ComponentProps, ReactNode } from 'react';
import { BodyEditor } from '@/components/editor/body-editor';
import { FieldError } from '@/components/ui/field-error';

/**
 * 正文: the body editor under its label, with its error message (`<id>-error`, which the editor
 * is described by); `children` go below, e.g. the offers about the text just pasted.
 */
export function BodyField({
  id,
  errors,
  children,
  ...editor
}: Omit<ComponentProps<typeof BodyEditor>, 'describedBy'> & { id: string; errors?: string[]; children?: ReactNode }) {
  return (
    <div>
      <span className="text-sm font-medium text-gray-700">正文</span>
      <div className="mt-1.5">
        <BodyEditor {...editor} describedBy={`${id}-error`} />
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
      {children}
    </div>
  );
}
