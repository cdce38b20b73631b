// A unit's Word file (or text file) as a submission: its title and paragraphs, read with the
// import's reconstruction (lib/import/read-file.ts, which checks the zip container first). A
// Word paragraph is a paragraph; a text file's hard-wrapped lines are joined back by
// lib/layout/reflow.ts as a paste is. A closing （来源） is dropped: the unit is the source.
import { detectFileKind, readImportFile } from '@/lib/import/read-file';
import { paragraphsToBody } from '@/lib/import/correction-text';
import { detectTrailingSource, stripTrailingSource } from '@/lib/paste/trailing-source';
import { reflowText } from '@/lib/layout/reflow';
import { TITLE_MAX_LENGTH } from '@/lib/validations/items';
import type { ItemBody } from '@/lib/validations/item-body';

export interface SubmissionFileContent {
  title: string;
  body: ItemBody;
  /** Paragraph count, for the message shown after reading. */
  paragraphs: number;
}

export async function readSubmissionFile(fileName: string, bytes: Uint8Array): Promise<SubmissionFileContent> {
  const blocks = await readImportFile(fileName, bytes);
  const isDocx = detectFileKind(fileName, bytes) === 'docx';
  const texts = isDocx
    ? blocks.map((block) => block.text.replace(/\s+/gu, ' ').trim()).filter(Boolean)
    : reflowText(blocks.map((block) => block.text).join('\n')).paragraphs.map((p) => p.text);
  // The title: the first heading, bold or centred block of a Word file, else its first short line.
  const marked = isDocx ? blocks.findIndex((b) => b.text.trim() && (b.headingLevel || b.isBold || b.isCentered)) : -1;
  const titleText = marked >= 0 ? blocks[marked]!.text.replace(/\s+/gu, ' ').trim() : texts[0] ?? '';
  const hasTitle = titleText !== '' && Array.from(titleText).length <= TITLE_MAX_LENGTH;
  const rest = hasTitle ? texts.filter((text, index) => index !== texts.indexOf(titleText)) : texts;
  const last = rest.at(-1);
  if (last !== undefined && detectTrailingSource(last)) {
    const stripped = stripTrailingSource(last);
    if (stripped) rest[rest.length - 1] = stripped;
    else rest.pop();
  }
  return { title: hasTitle ? titleText : '', body: paragraphsToBody(rest), paragraphs: rest.length };
}
