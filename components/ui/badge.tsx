import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

export function Badge({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span
      className={cn('inline-flex shrink-0 items-center whitespace-nowrap rounded border border-border bg-muted px-1.5 py-0.5 text-xs', className)}
      {...props}
    />
  );
}
