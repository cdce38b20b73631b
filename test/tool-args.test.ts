// The command-line tools say what is wrong with their arguments in Chinese, with their usage,
// and exit with code 2 before they touch the database; a file they cannot read or write is
// named in Chinese too. Never Node.js's own English error with a stack.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeArgsError, describeToolError } from '@/ops/tool-args';
import { runScript, STACK_LINE } from '@/test/support/script';

/** No database by default: each of these must stop before it would connect. */
function runTool(script: string, args: string[], databaseUrl = 'postgresql://nobody@127.0.0.1:1/none') {
  return runScript(script, args, { DATABASE_URL: databaseUrl });
}

function parseError(args: string[]): unknown {
  try {
    parseArgs({ args, options: { year: { type: 'string' } } });
  } catch (error) {
    return error;
  }
  throw new Error('parseArgs accepted the arguments');
}

describe('arguments', () => {
  it('says node:util’s complaints in Chinese, naming the argument', () => {
    expect(describeArgsError(parseError(['2026-49']))).toBe('多余的参数 2026-49（选项要写成 --名称 值）');
    expect(describeArgsError(parseError(['--yaer', '2026']))).toBe('不认识的选项 --yaer');
    expect(describeArgsError(parseError(['--year']))).toBe('选项 --year 的值有误（需要一个值，或不带值）');
  });

  it('names a missing file in Chinese with its path', async () => {
    const error = await readFile('/nonexistent/kexie.backup').catch((e: unknown) => e);
    expect(describeToolError(error)).toBe('找不到文件或文件夹 /nonexistent/kexie.backup');
  });

  it.each([
    ['export', ['2026-49'], 'export：多余的参数 2026-49（选项要写成 --名称 值）\n用法：npm run export -- '],
    ['export', ['--latest', '--format', 'odt', '--out', 'x'], 'export：--format 须为 pdf、docx 或 html\n用法：'],
    ['report', ['adoption', '--year'], 'report：选项 --year 的值有误（需要一个值，或不带值）\n用法：npm run report -- adoption'],
    ['import', [], 'import：请给出要导入的文件或文件夹\n用法：npm run import -- '],
    ['backup', [], 'backup：请给出一个备份文件名\n用法：npm run backup -- 文件'],
    ['restore', [], 'restore：请给出一个备份文件\n用法：npm run restore -- 备份文件'],
  ])('%s %j: exit 2 with a Chinese line and the usage', async (script, args, expected) => {
    const { code, stderr } = await runTool(script, args);
    expect(code).toBe(2);
    expect(stderr).toContain(expected);
    expect(stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});

describe('a tool that cannot start', () => {
  it('names a bad variable in Chinese, without a stack', async () => {
    const { code, stderr } = await runTool('export', ['--latest', '--format', 'pdf', '--out', '/tmp/x.pdf'], 'mysql://nobody@127.0.0.1/none');
    expect(code).toBe(1);
    expect(stderr).toContain('export：环境变量有误：\n  DATABASE_URL：');
    expect(stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
