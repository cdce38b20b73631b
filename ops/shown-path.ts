import path from 'node:path';

/** A path as the user would type it from `root`: relative inside it, absolute outside it. */
export function shownPath(file: string, root: string): string {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}
