'use client';
import { ActionButton } from '@/components/ui/action-button';
import { deleteGlossaryEntryAction } from '@/lib/actions/proofread';

export function DeleteGlossaryEntryButton({ id, term }: { id: number; term: string }) {
  return (
    <ActionButton size="sm" variant="outline" run={() => deleteGlossaryEntryAction({ id })} confirm={`删除词条“${term}”？`}>
      删除
    </ActionButton>
  );
}
