import { z } from '@/lib/validations/zod';
import { ROLES } from '@/lib/roles';
import { ZBoolean, ZId, ZOptionalId, ZText } from '@/lib/validations/common';

const ZUserId = ZId('用户编号无效');

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '用户名须为2–32位小写字母、数字或 . _ -，以字母或数字开头');

export const ZDisplayName = ZText('姓名', {
  max: 20,
  required: '请输入姓名',
  refuse: { pattern: /[<>]/, message: '姓名不能含有尖括号' },
});

const ZRoles = z
  .array(z.enum(ROLES, { error: '角色无效' }), { error: '请至少选择一个角色' })
  .min(1, '请至少选择一个角色')
  .transform((roles) => [...new Set(roles)]);

const ZPassword = z.string().min(8, '密码至少8位').max(128, '密码不能超过128位');

const ZEmail = z
  .union([z.literal(''), z.null(), z.email('邮箱格式不正确').max(254, '邮箱不能超过254个字符')], { error: '邮箱格式不正确' })
  .optional()
  .transform((value) => value || null);

/** The unit a 信息员 reports for (required for that role), and where notifications are mailed. */
const unitAndEmail = {
  unitId: ZOptionalId('所属单位无效'),
  email: ZEmail,
};

function requireReporterUnit(user: { roles: string[]; unitId: number | null }, context: z.RefinementCtx) {
  if (user.roles.includes('REPORTER') && user.unitId === null) {
    context.addIssue({ code: 'custom', path: ['unitId'], message: '信息员须选择所属单位' });
  }
}

export const ZCreateUser = z
  .object({
    username: ZUsername,
    displayName: ZDisplayName,
    roles: ZRoles,
    /** Left empty, a password is generated and shown once. */
    password: z.union([z.literal(''), ZPassword]).optional(),
    ...unitAndEmail,
  })
  .superRefine(requireReporterUnit);

export const ZUpdateUser = z
  .object({
    id: ZUserId,
    displayName: ZDisplayName,
    roles: ZRoles,
    ...unitAndEmail,
  })
  .superRefine(requireReporterUnit);

export const ZResetPassword = z.object({
  id: ZUserId,
  password: z.union([z.literal(''), ZPassword]).optional(),
});

export const ZSetUserDisabled = z.object({
  id: ZUserId,
  isDisabled: ZBoolean('停用状态无效'),
});

export type CreateUserInput = z.output<typeof ZCreateUser>;
export type UpdateUserInput = z.output<typeof ZUpdateUser>;
