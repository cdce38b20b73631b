import { z } from '@/lib/validations/zod';
import { IMPORT_LIMITS, MAX_IMPORT_FILE_BYTES, toBaseFileName } from '@/lib/import/limits';
import { ZId } from '@/lib/validations/common';

const NO_FILES = '请选择要导入的文件（.docx、.txt 或 .md）。';

/** A file from a form, or — for the JSON endpoint — a name and its bytes in base64. */
const ZImportFileUpload = z.union(
  [
    z.instanceof(File).transform(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), size: file.size })),
    z
      .object({ name: z.string().min(1).max(255), base64: z.string().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4) })
      .strict()
      .transform(({ name, base64 }) => {
        const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
        return { name, bytes, size: bytes.byteLength };
      }),
  ],
  { error: NO_FILES },
);

/** Known by its base name only; a name with NUL or nothing left is refused. */
export const ZImportFile = ZImportFileUpload.transform((file, context) => {
  const name = toBaseFileName(file.name);
  if (name === null) {
    context.addIssue({ code: 'custom', message: '文件名含有无效字符（如空字符），请改名后再导入。' });
    return z.NEVER;
  }
  return { ...file, name };
});

/** A form field that may come once or repeated (or not at all) as a list. */
export function toList(value: unknown): unknown {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export const ZImportFiles = z.object({
  /** Whose archive; absent: the default publication's. */
  publicationId: ZId('刊物编号无效').optional(),
  files: z.preprocess(
    toList,
    z
      .array(ZImportFile, { error: NO_FILES })
      .min(1, NO_FILES)
      .max(IMPORT_LIMITS.files, `一次最多导入${IMPORT_LIMITS.files}个文件，更多请分批导入或使用命令行 npm run import。`)
      .superRefine((files, context) => {
        const empty = files.find((f) => f.size === 0);
        if (empty) context.addIssue({ code: 'custom', message: `“${empty.name}”是空文件。` });
        const large = files.find((f) => f.size > MAX_IMPORT_FILE_BYTES);
        if (large) context.addIssue({ code: 'custom', message: `“${large.name}”超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB。` });
      }),
  ),
  /** The fingerprints of the preview the user confirmed (import only). */
  fingerprints: z.preprocess(toList, z.array(z.string().regex(/^[0-9a-f]{64}$/, '预览信息无效，请重新预览。')).max(IMPORT_LIMITS.files)).optional(),
});
