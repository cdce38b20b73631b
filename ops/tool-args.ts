// The arguments of a command-line tool (`npm run export`, `report`, `import`, `backup`): what is
// wrong with them is said in Chinese with the tool's usage, and the tool exits with code 2
// before it touches the database — never Node.js's own English error and stack.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints `<name>：<message>` and the usage, and exits with code 2. */
export function failUsage(name: string, usage: string, message: string): never {
  console.error(`${name}：${message}\n用法：${usage}`);
  process.exit(2);
}

/** node:util's complaint about the arguments, in Chinese (it names the argument in quotes). */
export function describeArgsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const argument = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1]?.replace(/ <value>$/, '') ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${argument}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${argument}（选项要写成 --名称 值）`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${argument} 的值有误（需要一个值，或不带值）`;
    default:
      return `参数有误（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** parseArgs, with its errors said as failUsage says them. */
export function parseToolArgs<T extends ParseArgsConfig>(name: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return failUsage(name, usage, describeArgsError(error));
  }
}

/** A file-system failure said in Chinese with its path (the tools read and write files the user named). */
export function describeToolError(error: unknown): string {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const where = path ? ` ${path}` : '';
  switch (code) {
    case 'ENOENT':
      return `找不到文件或文件夹${where}`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读写${where}`;
    case 'EISDIR':
      return `这是文件夹，不是文件：${path ?? ''}`;
    case 'ENOTDIR':
      return `路径中有一段不是文件夹：${path ?? ''}`;
    case 'ENOSPC':
      return `磁盘空间不足，未能写入${where}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
