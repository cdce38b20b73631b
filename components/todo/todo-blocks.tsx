import type { ReactNode } from 'react';
import { AdminAttention } from '@/components/todo/admin-attention';
import { IntakeTodo } from '@/components/todo/intake-todo';
import { LatestIssue } from '@/components/todo/latest-issue';
import { OpenAnnotations } from '@/components/todo/open-annotations';
import { OpenSuggestions } from '@/components/todo/open-suggestions';
import { ReturnedIssues } from '@/components/todo/returned-issues';
import { ReviewQueue } from '@/components/todo/review-queue';
import { hasAnyRole, type Role } from '@/lib/roles';

/**
 * 待办 (the home page) per role, in display order: one line per block. A user sees every block
 * one of their roles opens, each once. A 信息员's 待办 (their unit's 约稿 and returned
 * submissions) is on 信息报送 (/submissions), where they land.
 */
const TODO_BLOCKS: { key: string; roles: readonly Role[]; render: (roles: readonly Role[]) => ReactNode }[] = [
  { key: 'review-queue', roles: ['REVIEWER'], render: () => <ReviewQueue /> },
  { key: 'returned', roles: ['EDITOR'], render: () => <ReturnedIssues /> },
  { key: 'suggestions', roles: ['EDITOR', 'REVIEWER'], render: () => <OpenSuggestions title="待编辑处理的修订" /> },
  { key: 'annotations', roles: ['EDITOR', 'REVIEWER'], render: (roles) => <OpenAnnotations roles={roles} /> },
  { key: 'intake', roles: ['EDITOR'], render: () => <IntakeTodo /> },
  { key: 'latest-issue', roles: ['STAFF'], render: () => <LatestIssue /> },
  { key: 'admin', roles: ['ADMIN'], render: () => <AdminAttention /> },
];

export function getTodoBlocks(roles: readonly Role[]) {
  return TODO_BLOCKS.filter((block) => hasAnyRole(roles, block.roles));
}
