// The editor offers only what the bulletin can print: paragraphs, bold and line breaks.
// The same set is enforced on the server (lib/validations/item-body.ts).
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder, UndoRedo } from '@tiptap/extensions';

export const itemBodyExtensions = [
  Document,
  Paragraph,
  Text,
  Bold,
  HardBreak,
  UndoRedo,
  Placeholder.configure({ placeholder: '在此输入正文。可直接粘贴 Word、WPS 或网页中的文字，格式会自动清理。' }),
];
