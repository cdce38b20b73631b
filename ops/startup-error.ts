/**
 * A reason `npm start` (or a command-line tool) cannot go on that the user can act on: its
 * message is written for them, in Chinese, and is printed without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
