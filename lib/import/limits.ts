/** Far beyond any issue (a DOCX with photos is a few MB); refused before it is read. */
export const MAX_IMPORT_FILE_BYTES = 9 * 1024 * 1024;

/** One import from the browser: at most this many files, together at most this many bytes. */
export const IMPORT_LIMITS = { files: 50, totalBytes: 9 * 1024 * 1024 } as const;
