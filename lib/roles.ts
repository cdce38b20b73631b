// Roles and what each may see. Shared by the server checks and the navigation.
import type { Role } from '@/lib/generated/prisma/enums';

export type { Role };

export const ROLES = ['ADMIN', 'EDITOR', 'REVIEWER', 'STAFF', 'REPORTER'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '管理员',
  EDITOR: '编辑',
  REVIEWER: '审核',
  STAFF: '工作人员',
  REPORTER: '信息员',
};

/** Who may open each area of the app. A reviewer reads everything an editor reads. */
export const AREA_ROLES = {
  // 待办, the home page: what awaits each office role.
  home: ['EDITOR', 'REVIEWER', 'STAFF', 'ADMIN'],
  items: ['EDITOR', 'REVIEWER'],
  assembly: ['EDITOR', 'REVIEWER'],
  review: ['REVIEWER'],
  published: ['EDITOR', 'REVIEWER', 'STAFF', 'ADMIN'],
  // 信息采用统计: the office reports it every quarter.
  statistics: ['EDITOR', 'REVIEWER', 'ADMIN'],
  admin: ['ADMIN'],
  // 信息报送: a 信息员 sends and follows their own unit's submissions; editors decide them (来稿).
  submissions: ['REPORTER'],
  intake: ['EDITOR', 'REVIEWER'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((role) => allowed.includes(role));
}

export function canAccess(userRoles: readonly Role[], area: Area): boolean {
  return hasAnyRole(userRoles, AREA_ROLES[area]);
}
