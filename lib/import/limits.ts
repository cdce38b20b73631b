/** Far beyond any issue (a DOCX with photos is a few MB); refused before it is read. */
export const MAX_IMPORT_FILE_BYTES = 9 * 1024 * 1024;

/** One import from the browser: at most this many files, together at most this many bytes. */
export const IMPORT_LIMITS = { files: 50, totalBytes: 9 * 1024 * 1024 } as const;

/**
 * What a Word file may unpack to, checked entry by entry before mammoth reads it (a zip bomb is
 * a few MB that unpacks to gigabytes). A bulletin's document.xml is well under 1 MB and its
 * photos are stored already compressed, so these are far beyond any real issue and small
 * enough that parsing what passes stays within a few hundred MB.
 */
export const DOCX_LIMITS = {
  entries: 2_000,
  /** All entries together, uncompressed. */
  totalBytes: 48 * 1024 * 1024,
  /** One XML part (document.xml, styles, numbering …), uncompressed: mammoth builds a DOM of it. */
  xmlPartBytes: 8 * 1024 * 1024,
} as const;

/**
 * The name an uploaded file is known by: its base name only (a browser or a script may send a
 * path, `C:\\docs\\a.docx` or `../../a.docx`), without control characters. Null when nothing
 * is left or the name holds a NUL.
 */
export function toBaseFileName(name: string): string | null {
  if (name.includes('\0')) return null;
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base.slice(0, 255) : null;
}
