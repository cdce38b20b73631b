import { Badge } from '@/components/ui/badge';

export function RetiredBadge() {
  return <Badge className="border-red-200 bg-red-50 text-danger">已停用</Badge>;
}
