// Turns an uploaded file into the blocks parse-issue.ts reads: the paragraphs of a Word file
// (DOCX, read with mammoth: text, bold, centred, heading styles; tables cell by cell), or the
// lines of a text file (text extracted from the printed PDF, or Markdown). Text files may be
// UTF-8 (with or without BOM), UTF-16 with its BOM (Windows Notepad's "Unicode"), or
// GB18030/GBK, as older Windows tools write them. A Word file's zip container is checked
// before mammoth unpacks it (zip-check.ts).
import mammoth from 'mammoth';
import type { SourceBlock } from '@/lib/import/parse-issue';
import { checkZipContainer, ZipCheckError } from '@/lib/import/zip-check';

import { MAX_IMPORT_FILE_BYTES } from '@/lib/import/limits';

export { MAX_IMPORT_FILE_BYTES };

export type ImportFileKind = 'docx' | 'text' | 'markdown';

export class UnreadableFileError extends Error {}

export function detectFileKind(fileName: string, bytes: Uint8Array): ImportFileKind | null {
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (lower.endsWith('.docx')) return isZip ? 'docx' : null;
  if (isZip) return null; // some other zip (xlsx, wps …)
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.txt') || lower.endsWith('.text') || !/\.[a-z0-9]+$/.test(lower)) return 'text';
  return null;
}

/**
 * UTF-16 by its BOM, UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of
 * GBK and GB2312). UTF-16 without a BOM (every other byte NUL in Latin text) cannot be told
 * apart reliably from Chinese in it: refused, naming the encoding.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const sample = bytes.subarray(0, 4096);
  if (sample.length >= 4 && sample.filter((b) => b === 0).length * 4 >= sample.length) {
    throw new UnreadableFileError('该文本文件似乎是 UTF-16 编码但没有字节顺序标记（BOM），无法可靠读取。请另存为 UTF-8 编码后再导入。');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Characters that print as nothing (zero-width, bidi controls, BOM, soft hyphen): dropped. */
function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, '');
}

// mammoth's document model (lib/documents.js): only what is read here.
interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  styleName?: string | null;
  alignment?: string | null;
  isBold?: boolean;
}

function headingLevelOf(styleName: string | null | undefined): number | undefined {
  if (!styleName) return undefined;
  const match = /^(?:heading|标题)\s*(\d)$/iu.exec(styleName.trim());
  if (match) return Number(match[1]);
  return /^(title|标题)$/iu.test(styleName.trim()) ? 1 : undefined;
}

function paragraphBlock(paragraph: DocNode): SourceBlock | null {
  let text = '';
  let boldChars = 0;
  let chars = 0;
  const visit = (node: DocNode, isBold: boolean) => {
    if (node.type === 'text') {
      const value = node.value ?? '';
      text += value;
      const visible = value.replace(/\s/g, '').length;
      chars += visible;
      if (isBold) boldChars += visible;
    } else if (node.type === 'tab') text += '\t';
    else if (node.type === 'break') text += '\n';
    for (const child of node.children ?? []) visit(child, node.type === 'run' ? !!node.isBold : isBold);
  };
  visit(paragraph, false);
  text = cleanText(text);
  if (!text.trim()) return null;
  return {
    text,
    headingLevel: headingLevelOf(paragraph.styleName),
    isBold: chars > 0 && boldChars === chars,
    isCentered: paragraph.alignment === 'center',
  };
}

/** Paragraphs in reading order; a table is read row by row, cell by cell. */
function collectBlocks(node: DocNode, blocks: SourceBlock[]): void {
  if (node.type === 'paragraph') {
    const block = paragraphBlock(node);
    if (block) blocks.push(block);
    return;
  }
  for (const child of node.children ?? []) collectBlocks(child, blocks);
}

/** mammoth, jszip and xmldom explain in English; the user gets why in Chinese. */
function explainDocxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/zip|central directory|end of data|signature|corrupt|inflat|invalid (block|distance|code)/i.test(message)) return '压缩结构已损坏';
  if (/xml|entity|tag|attribute|element/i.test(message)) return '文档内容（XML）格式有误';
  return '不是有效的 Word 文档';
}

async function readDocx(bytes: Uint8Array): Promise<SourceBlock[]> {
  const blocks: SourceBlock[] = [];
  try {
    await checkZipContainer(bytes);
  } catch (error) {
    if (error instanceof ZipCheckError) throw new UnreadableFileError(error.message);
    throw error;
  }
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        // The document tree is all that is needed; images are not even decoded.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: (document: DocNode) => {
          collectBlocks(document, blocks);
          return document;
        },
      },
    );
  } catch (error) {
    throw new UnreadableFileError(`无法读取该 Word 文件（${explainDocxError(error)}）。请在 Word 或 WPS 中打开后重新保存为 .docx 再导入。`);
  }
  return blocks;
}

function readText(bytes: Uint8Array): SourceBlock[] {
  return cleanText(decodeText(bytes).replace(/^\uFEFF/, ''))
    .split(/\r\n|\r|\n|\f/)
    .map((text) => ({ text }));
}

/** The blocks of an uploaded file; an UnreadableFileError says in Chinese why there are none. */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<SourceBlock[]> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    throw new UnreadableFileError(`文件超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB。`);
  }
  const kind = detectFileKind(fileName, bytes);
  if (kind === null) {
    throw new UnreadableFileError(
      /\.pdf$/i.test(fileName)
        ? '不能直接读取 PDF：请先提取其文字（如 pdftotext），再导入得到的 .txt 文件。'
        : /\.doc$/i.test(fileName)
          ? '不能读取旧版 .doc 文件：请在 Word 或 WPS 中另存为 .docx 后再导入。'
          : '只能导入 .docx 文件，或 .txt / .md 文本文件。',
    );
  }
  return kind === 'docx' ? readDocx(bytes) : readText(bytes);
}
