// Checks a Word file's zip container before anything unpacks it: the central directory is read
// for every entry's declared uncompressed size (entry count, total and per-XML-part caps), then
// every entry is inflated as a stream that is counted and thrown away, so a file that lies about
// its sizes is caught with memory bounded by a chunk. Only then may mammoth (and jszip inside
// it) unpack the file for real.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { DOCX_LIMITS } from '@/lib/import/limits';

export class ZipCheckError extends Error {}

const MB = 1024 * 1024;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

function damaged(): never {
  throw new ZipCheckError('文件的压缩结构已损坏，无法读取。请在 Word 或 WPS 中打开后重新保存为 .docx 再导入。');
}

/** The entries of the central directory, as the zip readers (jszip) see them. */
function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipCheckError('不支持 ZIP64 格式的 Word 文件。');
  if (count > DOCX_LIMITS.entries) throw new ZipCheckError(`Word 文件内含 ${count} 个部件，超过上限 ${DOCX_LIMITS.entries}，不予读取。`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) damaged();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** How many bytes the deflated data really unpacks to, counting at most `limit` + one chunk. */
async function countInflated(data: Buffer, limit: number): Promise<number> {
  let total = 0;
  const inflate = createInflateRaw();
  try {
    for await (const chunk of Readable.from([data]).pipe(inflate) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) break;
    }
  } catch {
    damaged();
  } finally {
    inflate.destroy();
  }
  return total;
}

/** Throws a ZipCheckError (Chinese) unless every entry unpacks to what it declares, within the caps. */
export async function checkZipContainer(input: Uint8Array): Promise<void> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const entries = readCentralDirectory(bytes);
  const tooLarge = (size: number) =>
    new ZipCheckError(`Word 文件解压后超过 ${size} MB，可能是恶意构造的压缩包，不予读取。`);
  let declaredTotal = 0;
  for (const entry of entries) {
    declaredTotal += entry.declaredSize;
    if (declaredTotal > DOCX_LIMITS.totalBytes) throw tooLarge(DOCX_LIMITS.totalBytes / MB);
    if (/\.(xml|rels)$/i.test(entry.name) && entry.declaredSize > DOCX_LIMITS.xmlPartBytes) throw tooLarge(DOCX_LIMITS.xmlPartBytes / MB);
  }
  for (const entry of entries) {
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_SIGNATURE) damaged();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) damaged();
    let realSize: number;
    if (entry.method === 0) realSize = data.length;
    else if (entry.method === 8) realSize = await countInflated(data, entry.declaredSize);
    else throw new ZipCheckError('Word 文件使用了不支持的压缩方式。');
    // More than declared: the sizes lie (a bomb); less: the file is cut or damaged.
    if (realSize > entry.declaredSize) throw tooLarge(DOCX_LIMITS.totalBytes / MB);
    if (realSize !== entry.declaredSize) damaged();
  }
}
