import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/** A small label; its look is one class, `badge` (app/globals.css), as lists show one per row. */
export function Badge({ className, ...props }: ComponentProps<'span'>) {
  return <span className={cn('badge', className)} {...props} />;
}
