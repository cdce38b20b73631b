'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type ComponentProps } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action';

/** A button that runs one server action, refreshes the page on success and shows a refusal. */
export function ActionButton<T>({
  run,
  confirm,
  precheck,
  pendingLabel,
  onDone,
  children,
  ...props
}: Omit<ComponentProps<typeof Button>, 'onClick'> & {
  run: () => Promise<ActionResult<T>>;
  confirm?: string;
  /** Asked first: a reason the action cannot be done now is shown instead of the confirmation. */
  precheck?: () => Promise<string | null>;
  /** Shown while the action runs (for actions that take a while). */
  pendingLabel?: string;
  onDone?: (data: T) => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        {...props}
        disabled={isPending || props.disabled}
        aria-busy={isPending}
        onClick={() => {
          if (!precheck && confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            if (precheck) {
              const problem = await precheck();
              if (problem) {
                setError(problem);
                return;
              }
              if (confirm && !window.confirm(confirm)) return;
            }
            const result = await run();
            if (!result.ok) {
              setError(result.message);
              return;
            }
            setError(null);
            onDone?.(result.data);
            router.refresh();
          });
        }}
      >
        {children}
      </Button>
      {isPending && pendingLabel && (
        <span role="status" className="text-sm text-muted-foreground" data-testid="action-progress">
          {pendingLabel}
        </span>
      )}
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
