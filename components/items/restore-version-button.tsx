'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { clearLocalCopy } from '@/components/editor/item-draft';
import { Button } from '@/components/ui/button';
import { restoreItemVersionAction } from '@/lib/actions/items';

export function RestoreVersionButton({ itemId, version, currentVersion }: { itemId: number; version: number; currentVersion: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function onRestore() {
    if (!window.confirm(`将第${version}版恢复为最新版本？当前内容仍保留在历史中。`)) return;
    startTransition(async () => {
      const result = await restoreItemVersionAction({ id: itemId, version, baseVersion: currentVersion });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      clearLocalCopy(itemId);
      router.push(`/items/${itemId}`);
      router.refresh();
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" size="sm" variant="outline" onClick={onRestore} disabled={isPending}>
        恢复此版本
      </Button>
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
