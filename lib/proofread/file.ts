// Proofreading a file sent in (.txt, .md, .docx) for the command line. Text files are rebuilt
// into paragraphs the way the editor's paste does (hard wraps joined, page numbers dropped), and
// each finding is placed back at its line and column in the file; Word files are read by the
// import's reader and placed by paragraph number.
import { parsePlainTextPaste } from '@/lib/paste/plain-text-paste';
import { readImportFile } from '@/lib/import/read-file';
import { checkParagraphs, type CheckOptions } from '@/lib/proofread/check';
import type { Finding } from '@/lib/proofread/types';

export interface FileFinding extends Finding {
  /** 1-based line of the file (for .docx: paragraph number). */
  line: number;
  /** 1-based column (UTF-16 units of that line or paragraph). */
  column: number;
}

/** For each character of each paragraph, its offset in `text` (the paragraphs were cut from it). */
export function alignParagraphs(text: string, paragraphs: readonly string[]): number[][] {
  let at = 0;
  return paragraphs.map((paragraph) =>
    [...paragraph].flatMap((ch) => {
      const found = text.indexOf(ch, at);
      // A character the paste added (a space at a join) is placed where the text is.
      const offset = found === -1 || found - at > 200 ? at : found;
      if (found !== -1 && found - at <= 200) at = found + ch.length;
      return ch.length === 2 ? [offset, offset + 1] : [offset];
    }),
  );
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function proofreadText(text: string, options: CheckOptions = {}): FileFinding[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Markdown headings and list marks are not text: blank them out, keeping every offset.
  const plain = normalized.replace(/^(#{1,6} |[-*+] |> )/gm, (m) => ' '.repeat(m.length));
  const { paragraphs } = parsePlainTextPaste(plain);
  const offsets = alignParagraphs(plain, paragraphs);
  const starts = lineStarts(normalized);
  const results: FileFinding[] = [];
  checkParagraphs(paragraphs, options).forEach((findings, p) => {
    for (const f of findings) {
      const offset = offsets[p]![f.from] ?? offsets[p]!.at(-1) ?? 0;
      const line = starts.findLastIndex((s) => s <= offset);
      results.push({ ...f, line: line + 1, column: offset - starts[line]! + 1 });
    }
  });
  return results.sort((a, b) => a.line - b.line || a.column - b.column);
}

export async function proofreadFile(name: string, bytes: Uint8Array, options: CheckOptions = {}): Promise<FileFinding[]> {
  if (!/\.docx$/i.test(name)) return proofreadText(new TextDecoder().decode(bytes), options);
  const blocks = await readImportFile(name, bytes);
  const paragraphs = blocks.map((b) => b.text);
  return checkParagraphs(paragraphs, options).flatMap((findings, p) =>
    findings.map((f) => ({ ...f, line: p + 1, column: f.from + 1 })),
  );
}
