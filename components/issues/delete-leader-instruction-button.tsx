'use client';
import { ActionButton } from '@/components/ui/action-button';
import { deleteLeaderInstructionAction } from '@/lib/actions/units';

export function DeleteLeaderInstructionButton({ id, leader }: { id: number; leader: string }) {
  return (
    <ActionButton size="sm" variant="outline" run={() => deleteLeaderInstructionAction({ id })} confirm={`删除${leader}的这条批示？`}>
      删除
    </ActionButton>
  );
}
