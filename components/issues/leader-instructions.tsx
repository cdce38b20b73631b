import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { RecordLeaderInstructionForm } from '@/components/issues/record-leader-instruction-form';
import { DeleteLeaderInstructionButton } from '@/components/issues/delete-leader-instruction-button';
import { formatChineseDate, getBeijingToday } from '@/lib/dates';
import { listInstructionTargets, listLeaderInstructions } from '@/lib/data/leader-instructions';

/** 领导批示 on the items of a published issue; editors record them (they count in 采用统计). */
export async function LeaderInstructions({ issueId, canRecord }: { issueId: number; canRecord: boolean }) {
  const [instructions, items] = await Promise.all([
    listLeaderInstructions(issueId),
    listInstructionTargets(issueId),
  ]);
  const titles = new Map(items.map((item) => [item.position, item.title]));
  if (!canRecord && instructions.length === 0) return null;
  return (
    <Card className="mx-auto mt-6 max-w-2xl">
      <CardHeader>
        <CardTitle>领导批示（{instructions.length}）</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {instructions.length > 0 && (
          <ul className="divide-y divide-border text-sm" data-testid="leader-instructions">
            {instructions.map((instruction) => (
              <li key={instruction.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2">
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{instruction.leader}</span>
                  <span className="text-muted-foreground">（{formatChineseDate(instruction.date)}）批示“{titles.get(instruction.position) ?? '稿件'}”：</span>
                  <span className="whitespace-pre-wrap break-words">{instruction.text}</span>
                  <span className="block text-xs text-muted-foreground">{instruction.recordedBy} 记录</span>
                </span>
                {canRecord && <DeleteLeaderInstructionButton id={instruction.id} leader={instruction.leader} />}
              </li>
            ))}
          </ul>
        )}
        {canRecord && items.length > 0 && (
          <RecordLeaderInstructionForm issueId={issueId} items={items} today={getBeijingToday()} />
        )}
      </CardContent>
    </Card>
  );
}
