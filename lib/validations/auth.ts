import { z } from '@/lib/validations/zod';
import { isStorableText } from '@/lib/validations/common';

export const ZLogin = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长').refine(isStorableText, '用户名含有无效字符'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长').refine(isStorableText, '密码含有无效字符'),
});

/** Why a login failed. A wrong password and an unknown user share one reason, so names cannot be probed. */
export type LoginFailureReason = 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'SLOWED' | 'ACCOUNT_DISABLED';

export const LOGIN_FAILURE_MESSAGES: Record<LoginFailureReason, string> = {
  INVALID_CREDENTIALS: '用户名或密码错误。',
  RATE_LIMITED: '登录失败次数过多，请15分钟后再试。',
  SLOWED: '该账号近期多次登录失败，为安全起见每分钟只能尝试一次，请1分钟后再试。',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员。',
};

export function getLoginFailureMessage(code: string | null | undefined): string {
  return LOGIN_FAILURE_MESSAGES[code as LoginFailureReason] ?? LOGIN_FAILURE_MESSAGES.INVALID_CREDENTIALS;
}
