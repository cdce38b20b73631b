// What a server action answers, and how callers see its input: shared by the server
// (lib/action.ts) and the browser (forms, buttons), so it holds no server code.
import type { ErrorCode, ErrorDetails, FieldErrors } from '@/lib/errors';

/** A refusal: its code, HTTP status, Chinese message, and what the code carries (lib/errors.ts). */
export type ActionFailure =
  | {
      [C in ErrorCode]: { ok: false; status: number; code: C; message: string; fieldErrors?: FieldErrors; details?: ErrorDetails<C> };
    }[ErrorCode]
  | { ok: false; status: number; code: 'INTERNAL'; message: string; fieldErrors?: undefined; details?: undefined };

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/**
 * A server action as callers see it: its input is what its zod schema accepts (`z.input`), so a
 * client call is type-checked. At run time it still takes anything (server actions are public
 * endpoints) and parses it.
 */
export type Action<I, T> = (input: I) => Promise<ActionResult<T>>;

/** Any action, for the JSON endpoint's registry (which passes request bodies unchecked, see callWithRawInput). */
export type AnyAction = Action<never, unknown>;

/**
 * Calls an action with input nobody has type-checked (a JSON body, a form's fields): every
 * action parses its input with its schema at run time, so only the compile-time type is dropped.
 */
export function callWithRawInput<T>(run: Action<never, T>, input: unknown): Promise<ActionResult<T>> {
  return (run as (input: unknown) => Promise<ActionResult<T>>)(input);
}
