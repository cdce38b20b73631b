// What an uploaded import file cannot do to the server: a zip bomb is refused before it is
// unpacked (and the process does not grow by hundreds of MB), damaged files are explained in
// Chinese, UTF-16 text is read by its BOM, and file names are base names without NUL.
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderIssueDocx } from '@/lib/export/docx';
import { DOCX_LIMITS, toBaseFileName } from '@/lib/import/limits';
import { readImportFile } from '@/lib/import/read-file';
import { ZImportFiles } from '@/lib/validations/imports';
import { buildFixturePrintIssue } from './support/print-issue-fixture';

const MB = 1024 * 1024;

/** `size` zero bytes, deflated as a stream (the bomb's payload: about 1 KB per MB). */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < size; written += MB) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A little-endian record of `size` bytes with each [offset, bytes (2 or 4), value] written in. */
function record(size: number, fields: [offset: number, bytes: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [offset, bytes, value] of fields) {
    if (bytes === 2) buffer.writeUInt16LE(value, offset);
    else buffer.writeUInt32LE(value, offset);
  }
  return buffer;
}

/** A zip with the given entries, each with the uncompressed size it declares (true or not). */
function zip(entries: { name: string; data: Buffer; method: 0 | 8; declaredSize: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    // Local file header: signature, version needed, method, compressed and declared size, name length.
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, entry.method], [18, 4, entry.data.length], [22, 4, entry.declaredSize], [26, 2, name.length]]);
    // Central directory header: the same, with version made by, and where the local header is.
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, entry.method], [20, 4, entry.data.length], [24, 4, entry.declaredSize], [28, 2, name.length], [42, 4, offset]]);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  // End of central directory: entry counts, its size and where it starts.
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

describe('Word files that unpack to far more than they are', () => {
  it('refuses a bomb that lies about its sizes, without growing the process by 200 MB', async () => {
    const payload = await deflatedZeros(600 * MB);
    const bomb = zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES, method: 0, declaredSize: CONTENT_TYPES.length },
      // Declares 1 KB, unpacks to 600 MB.
      { name: 'word/document.xml', data: payload, method: 8, declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(2 * MB);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await expect(readImportFile('炸弹.docx', bomb)).rejects.toThrow(/解压后超过.*不予读取/);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`zip bomb (${(bomb.length / MB).toFixed(2)} MB → 600 MB): RSS grew by ${((peak - before) / MB).toFixed(1)} MB at most`);
    expect(peak - before).toBeLessThan(200 * MB);
  });

  it('refuses by the declared sizes alone: total, one XML part, entry count', async () => {
    const small = await deflatedZeros(MB);
    const honest = zip([{ name: 'word/media/a.bin', data: small, method: 8, declaredSize: DOCX_LIMITS.totalBytes + 1 }]);
    await expect(readImportFile('a.docx', honest)).rejects.toThrow(/解压后超过 48 MB/);
    const xml = zip([{ name: 'word/document.xml', data: small, method: 8, declaredSize: DOCX_LIMITS.xmlPartBytes + 1 }]);
    await expect(readImportFile('a.docx', xml)).rejects.toThrow(/解压后超过 8 MB/);
    const many = zip(Array.from({ length: DOCX_LIMITS.entries + 1 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0), method: 0 as const, declaredSize: 0 })));
    await expect(readImportFile('a.docx', many)).rejects.toThrow(/部件.*超过上限/);
  });

  it('still reads a real Word file', async () => {
    const docx = await renderIssueDocx(buildFixturePrintIssue(), { isDraft: false });
    expect((await readImportFile('2023-14.docx', docx)).length).toBeGreaterThan(20);
  });
});

describe('damaged files are explained in Chinese, never in English', () => {
  it.each([
    ['a zip without its directory', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])],
    ['a cut deflate stream', zip([{ name: 'word/document.xml', data: Buffer.from([0x78, 0x9c, 0xff]), method: 8, declaredSize: 100 }])],
    ['a zip without a document', zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES, method: 0, declaredSize: CONTENT_TYPES.length }])],
  ])('%s', async (_name, bytes) => {
    const error = await readImportFile('坏.docx', bytes).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^无法读取|压缩结构已损坏/);
    expect(error?.message).not.toMatch(/[A-Za-z]{4,}(?<!docx|Word|WPS)/);
  });

  it('translates xmldom errors from a broken document.xml', async () => {
    const { unzipSync, zipSync, strToU8 } = await import('fflate');
    const good = unzipSync(await renderIssueDocx(buildFixturePrintIssue(), { isDraft: false }));
    good['word/document.xml'] = strToU8('<?xml version="1.0"?><w:document xmlns:w="x"><w:body>&nope;</w:body></w:document>');
    const error = await readImportFile('坏.docx', zipSync(good)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/无法读取该 Word 文件（文档内容（XML）格式有误）/);
  });
});

describe('text encodings and file names', () => {
  it('reads UTF-16 text by its BOM, and refuses UTF-16 without one naming the encoding', async () => {
    const text = '科协每周动态\n2023年第14期';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readImportFile('a.txt', le)).map((b) => b.text)).toEqual(['科协每周动态', '2023年第14期']);
    const be = Buffer.from(le);
    be.swap16();
    expect((await readImportFile('a.txt', be)).map((b) => b.text)).toEqual(['科协每周动态', '2023年第14期']);
    await expect(readImportFile('a.txt', Buffer.from('2023 issue 14', 'utf16le'))).rejects.toThrow(/UTF-16/);
  });

  it('keeps only the base name of a path-like file name and refuses NUL', async () => {
    expect(toBaseFileName('C:\\docs\\2023\\第14期.docx')).toBe('第14期.docx');
    expect(toBaseFileName('../../etc/第14期.txt')).toBe('第14期.txt');
    expect(toBaseFileName('..')).toBeNull();
    expect(toBaseFileName('a\u0000.txt')).toBeNull();
    const parsed = await ZImportFiles.parseAsync({ files: [new File(['x'], '../../secret/a.txt')] });
    expect(parsed.files[0]!.name).toBe('a.txt');
    const refused = await ZImportFiles.safeParseAsync({ files: [new File(['x'], 'a\u0000.txt')] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/文件名含有无效字符/);
  });
});
