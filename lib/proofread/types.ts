// Proofreading findings: plain data, no React, no server code. Offsets are UTF-16 indices into
// the text that was checked (one paragraph, a title, …), `to` exclusive.

export const RULE_IDS = [
  'halfwidth-punctuation',
  'space-in-chinese',
  'unpaired-mark',
  'repeated-word',
  'ellipsis-dash',
  'date-form',
  'number-form',
  'number-consistency',
  'source-brackets',
  'title-length',
  'title-punctuation',
  'glossary-person',
  'glossary-preferred',
  'glossary-avoid',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** What each rule checks, for lists and the CLI's help. */
export const RULE_LABELS: Record<RuleId, string> = {
  'halfwidth-punctuation': '中文语境中的半角标点',
  'space-in-chinese': '中文之间或中文与数字、字母之间的空格',
  'unpaired-mark': '引号、括号、书名号不成对',
  'repeated-word': '重复的字词',
  'ellipsis-dash': '省略号、破折号的写法',
  'date-form': '日期的写法',
  'number-form': '数字用法（GB/T 15835）',
  'number-consistency': '同一期中序数的写法不一致',
  'source-brackets': '文末来源的括号',
  'title-length': '标题超过两行',
  'title-punctuation': '标题末尾的标点',
  'glossary-person': '人名与职务（术语表）',
  'glossary-preferred': '规范写法（术语表）',
  'glossary-avoid': '应避免的用词（术语表）',
};

export interface Finding {
  rule: RuleId;
  message: string;
  from: number;
  to: number;
  /** The replacement for text[from, to) when the fix is safe; absent when a person must decide. */
  fix?: string;
}

/** Where in an item a finding sits. */
export type ItemField = 'title' | 'subtitle' | 'body' | 'sources';

export interface ItemFinding extends Finding {
  field: ItemField;
  /** Index of the paragraph among the body's paragraphs (empty ones included); 0 otherwise. */
  paragraph: number;
  /** The text found, for lists and for remembering an ignored finding. */
  excerpt: string;
  /** Stable across edits elsewhere in the item: the rule and the text around the finding. */
  key: string;
}

export type GlossaryKind = 'PERSON' | 'PREFERRED' | 'AVOID';

export interface GlossaryTerm {
  kind: GlossaryKind;
  /** PERSON: the name; PREFERRED: the preferred form; AVOID: the word to avoid. */
  term: string;
  /** PERSON: the exact title (市科协党组书记、常务副主席). */
  title?: string;
  /** PREFERRED: known wrong forms; AVOID: the suggested replacement (first one). */
  variants?: string[];
  note?: string;
}
