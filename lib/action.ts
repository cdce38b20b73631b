// The one wrapper every mutation goes through: session → role → zod parse → domain code,
// with every failure mapped once to a status and a Chinese message. Server actions are
// public endpoints, so nothing here trusts the caller's UI.
import 'server-only';
import { z } from '@/lib/validations/zod';
import { requireUser, type CurrentUser } from '@/lib/auth';
import type { Action, ActionFailure } from '@/lib/action-result';
import { AppError, ERROR_CODES, isAppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import type { Role } from '@/lib/roles';
import { findInputProblem } from '@/lib/validations/common';

export type { Action, ActionFailure, ActionResult, AnyAction } from '@/lib/action-result';

/**
 * FormData becomes a plain object; keys that repeat (checkbox groups) become arrays. Keys
 * are defined, not assigned, so a field named `__proto__` is just a field.
 */
function formDataToObject(form: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    const value = values.length > 1 || key.endsWith('[]') ? values : values[0];
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

interface PrismaKnownError {
  code: string;
}
function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return typeof error === 'object' && error !== null && 'code' in error && /^P\d{4}$/.test(String(error.code));
}

export function toActionError(error: unknown): ActionFailure {
  if (error instanceof z.ZodError) {
    const fieldErrors = z.flattenError(error).fieldErrors as FieldErrors;
    return { ok: false, status: 400, code: 'INVALID_INPUT', message: ERROR_CODES.INVALID_INPUT.message, fieldErrors };
  }
  if (isAppError(error)) {
    const { status, code, message, fieldErrors, details } = error;
    // AppError's constructor ties the details to the code; TypeScript cannot follow that here.
    return { ok: false, status, code, message, fieldErrors, details } as ActionFailure;
  }
  if (isDatabaseUnavailable(error)) return toActionError(new AppError('DATABASE_UNAVAILABLE'));
  if (isPrismaKnownError(error)) {
    // P2002: unique constraint; P2025: the record a write depended on is gone;
    // P2034: a serializable transaction lost to a concurrent one; P2028: no connection or
    // lock could be had in time.
    if (error.code === 'P2002') return toActionError(new AppError('DUPLICATE'));
    if (error.code === 'P2034') return toActionError(new AppError('CONFLICT'));
    if (error.code === 'P2028') return toActionError(new AppError('BUSY'));
    if (error.code === 'P2025') return toActionError(new AppError('NOT_FOUND'));
  }
  console.error('Unexpected error in action', error);
  return { ok: false, status: 500, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' };
}

export function action<S extends z.ZodType, T, F extends boolean = false>(
  options: {
    roles: readonly Role[];
    schema: S;
    /** The client sends a FormData (file uploads); its entries become the object the schema parses. */
    acceptsFormData?: F;
  },
  handler: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): Action<F extends true ? z.input<S> | FormData : z.input<S>, T> {
  return async (rawInput: unknown) => {
    try {
      const user = await requireUser(options.roles);
      const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
      const problem = findInputProblem(input);
      if (problem) throw new AppError('INVALID_INPUT', problem);
      // Async: a schema may read an uploaded file.
      const parsed = await options.schema.safeParseAsync(input);
      if (!parsed.success) throw parsed.error;
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      return toActionError(error);
    }
  };
}
