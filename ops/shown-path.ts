import path from 'node:path';

/** A path as the user would type it from `root`: relative inside it, absolute outside it. */
export function shownPath(file: string, root = process.cwd()): string {
  const relative = path.relative(root, path.resolve(root, file));
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(root, file) : relative;
}
