// `npm run proofread`: the output format and the exit codes, on text and Word files.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function proofread(...files: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/proofread.ts', ...files], { cwd: path.resolve(import.meta.dirname, '..') });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run proofread', () => {
  it('prints FILE:LINE:COL RULE message and exits 1 on findings, 0 without', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'proofread-'));
    const faulty = path.join(dir, '来稿.txt');
    const clean = path.join(dir, '无误.md');
    const word = path.join(dir, '来稿.docx');
    await writeFile(faulty, '第一段没有问题。\n会议于8.9召开,沈洁主持。\n');
    await writeFile(clean, '# 标题\n\n会议于8月9日召开。\n');
    const doc = new Document({ sections: [{ children: ['第一段。', '市科协召开 2023 年工作会。'].map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
    await writeFile(word, await Packer.toBuffer(doc));

    const found = await proofread(faulty, word);
    expect(found.code).toBe(1);
    expect(found.stdout.trim().split('\n')).toEqual([
      `${faulty}:2:4 date-form 日期应写作“8月9日”`,
      `${faulty}:2:9 halfwidth-punctuation 中文中应使用全角标点“，”，不用半角“,”`,
      `${word}:2:6 space-in-chinese 中文与数字之间不应有空格`,
      `${word}:2:11 space-in-chinese 中文与数字之间不应有空格`,
    ]);
    expect(await proofread(clean)).toEqual({ code: 0, stdout: '' });
  }, 60_000);
});
