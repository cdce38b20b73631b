/** Far beyond any issue (a DOCX with photos is a few MB); refused before it is read. */
export const MAX_IMPORT_FILE_BYTES = 9 * 1024 * 1024;
