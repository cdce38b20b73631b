// Typed domain errors, mapped once to an HTTP status and a Chinese message.
import type { ImportPreview } from '@/lib/data/imports';
import type { ItemDetail } from '@/lib/data/items';

export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限。' },
  NOT_FOUND: { status: 404, message: '要操作的记录不存在或已被删除。' },
  INVALID_INPUT: { status: 400, message: '提交的内容有误，请检查后重试。' },
  CONFLICT: { status: 409, message: '内容已被他人修改，请刷新后再试。' },
  DUPLICATE: { status: 409, message: '该名称已被使用。' },
  LOCKED: { status: 423, message: '该记录已锁定，不能修改。' },
  RATE_LIMITED: { status: 429, message: '尝试次数过多，请稍后再试。' },
  BAD_ORIGIN: { status: 403, message: '请求来源无效。' },
  EXPORT_FAILED: { status: 503, message: '生成文件失败，请稍后重试。' },
  BUSY: { status: 503, message: '系统繁忙，请稍后重试。' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法连接，系统正在恢复，请稍后重试。' },
  TOO_LARGE: { status: 413, message: '提交的内容过大。' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * What a refusal carries for the caller to resolve it, by code: a stale item save gets the
 * item as it now is, an import whose files or archive changed since the preview gets the new
 * preview. Codes not listed here carry nothing.
 */
export interface ErrorDetailsByCode {
  CONFLICT: ItemDetail | ImportPreview;
}

export type ErrorDetails<C extends ErrorCode> = C extends keyof ErrorDetailsByCode ? ErrorDetailsByCode[C] : never;

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly fieldErrors?: FieldErrors;
  /** Data the caller needs to resolve the error, e.g. the current record on a conflict. */
  readonly details?: ErrorDetails<C>;

  constructor(code: C, message?: string, fieldErrors?: FieldErrors, details?: ErrorDetails<C>) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Prisma's codes for a database it cannot reach or lost on the way (P1001 unreachable, P1002
// timed out, P1008 socket timeout, P1017 connection closed), and the driver's own for a
// server that is shutting down, starting up or gone (pg SQLSTATE classes 08 and 57P, Node
// socket errors). Prisma 7 wraps a driver error it has no code for as P2039 and keeps the
// driver's own under `meta.driverAdapterError.cause.originalCode` (57P03 "the database system
// is starting up" arrives that way), so that path is followed too.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
const UNAVAILABLE_DRIVER_CODE = /^(08\d{3}|57P0[1-3]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/;

/** Whether the error means "the database is not there right now" rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, originalCode, cause, meta } = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };
    const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    if (adapterError && isDatabaseUnavailable(adapterError)) return true;
    if (typeof code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_DRIVER_CODE.test(code))) return true;
    if (typeof originalCode === 'string' && UNAVAILABLE_DRIVER_CODE.test(originalCode)) return true;
    if (/Connection terminated|Can't reach database server/i.test(String((current as { message?: unknown }).message))) return true;
    current = cause;
  }
  return false;
}
