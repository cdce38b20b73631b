// The pdf.js worker, loaded into the page itself (see components/issues/pdf-preview.tsx).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
