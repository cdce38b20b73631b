// The editor offers only what the bulletin can print: paragraphs, bold and line breaks, and
// the 修订 marks (suggestion-marks.ts). The same set is enforced on the server
// (lib/validations/item-body.ts).
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
// A subpath import: the package index (no sideEffects flag) would bring every extension along.
// The placeholder is drawn by the editor component (body-editor.tsx), not by an extension.
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { suggestionExtensions } from '@/components/editor/suggestion-marks';

export const itemBodyExtensions = [
  Document,
  Paragraph,
  Text,
  Bold,
  HardBreak,
  UndoRedo,
  ...suggestionExtensions,
];
