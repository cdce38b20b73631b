import { z } from '@/lib/validations/zod';
import { hasInvisibleCharacters, isStorableText, ZId, ZText } from '@/lib/validations/common';
import { RULE_IDS } from '@/lib/proofread/types';

export const GLOSSARY_KINDS = ['PERSON', 'PREFERRED', 'AVOID'] as const;

export const GLOSSARY_KIND_LABELS: Record<(typeof GLOSSARY_KINDS)[number], string> = {
  PERSON: '人名与职务',
  PREFERRED: '规范写法',
  AVOID: '避免使用',
};

/** Forms separated by 、，, or line breaks. */
const ZVariants = ZText('其他写法', { max: 200 }).transform((value) =>
  [...new Set(value.split(/[、，,;；\n]/).map((v) => v.trim()).filter(Boolean))],
);

export const ZCreateGlossaryEntry = z
  .object({
    kind: z.enum(GLOSSARY_KINDS, { error: '请选择类型' }),
    term: ZText('词条', { max: 40, required: '请输入词条' }),
    title: ZText('职务', { max: 80 }).default(''),
    variants: ZVariants.default([]),
    note: ZText('说明', { max: 200 }).default(''),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'PERSON' && entry.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: '请输入此人的准确职务' });
    if (entry.kind === 'PREFERRED' && entry.term.length < 4 && entry.variants.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: '少于四个字的规范写法请列出错误写法' });
    }
  });

export const ZDeleteGlossaryEntry = z.object({ id: ZId() });

const RULE_KEY = new RegExp(`^(${RULE_IDS.join('|')})\\|`);

/** A finding's key (lib/proofread/check.ts findingKey): kept exactly as sent, never trimmed. */
export const ZFindingKey = z
  .string({ error: '校对项无效' })
  .max(300, '校对项无效')
  .refine((key) => isStorableText(key) && !hasInvisibleCharacters(key, { allowLineBreaks: true }) && RULE_KEY.test(key), '校对项无效');

export const ZIgnoreFinding = z.object({ itemId: ZId('稿件编号无效'), key: ZFindingKey });
