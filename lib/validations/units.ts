import { z } from '@/lib/validations/zod';
import { ZBoolean, ZId, ZText } from '@/lib/validations/common';
import { UNIT_KINDS } from '@/lib/units/kinds';

/** Names separated by 、，, ; or line breaks (简称 and aliases), each checked like a name. */
export function splitNameList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[、，,；;\n]+/u)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

const ZUnitName = (label: string) => ZText(label, { max: 60, required: `请填写${label}`, refuse: { pattern: /[、，,；;]/u, message: `${label}不能含有顿号、逗号或分号` } });

/** A list of names from a form field (one text) or JSON (an array of texts). */
const ZNameList = (label: string) =>
  z
    .union([z.string().max(2000, `${label}过长`).transform(splitNameList), z.array(z.string().max(60, `${label}不能超过60个字`)).max(50, `${label}最多50个`)], {
      error: `${label}格式无效`,
    })
    .optional()
    .transform((names) => names ?? [])
    .pipe(z.array(ZUnitName(label)).max(50, `${label}最多50个`));

export const ZUnitKind = z.enum(UNIT_KINDS, { error: '请选择单位类别' });

export const ZUnitFields = z.object({
  name: ZUnitName('单位名称'),
  shortNames: ZNameList('简称'),
  aliases: ZNameList('别名'),
  kind: ZUnitKind,
  isActive: ZBoolean('启用状态无效').optional().default(true),
});

export const ZCreateUnit = ZUnitFields;
export const ZUpdateUnit = ZUnitFields.extend({ id: ZId('单位编号无效') });

export const MAX_UNIT_IMPORT_BYTES = 2 * 1024 * 1024;

/** The catalogue file: from a form, or for the JSON endpoint a name and its bytes in base64. */
export const ZImportUnits = z.object({
  file: z
    .union(
      [
        z.instanceof(File).transform(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        z
          .object({ name: z.string().min(1).max(255), base64: z.string().max(Math.ceil((MAX_UNIT_IMPORT_BYTES * 4) / 3) + 4) })
          .strict()
          .transform(({ name, base64 }) => ({ name, bytes: new Uint8Array(Buffer.from(base64, 'base64')) })),
      ],
      { error: '请选择单位名录文件（.csv 或 .xlsx）' },
    )
    .refine((file) => file.name !== '', '请选择单位名录文件（.csv 或 .xlsx）')
    .refine((file) => file.bytes.byteLength > 0, '文件是空的')
    .refine((file) => file.bytes.byteLength <= MAX_UNIT_IMPORT_BYTES, '文件不能超过 2 MB')
    .refine((file) => /\.(csv|xlsx)$/i.test(file.name), '只能导入 .csv 或 .xlsx 文件'),
});

/** A source name found in items or the archive, mapped onto a unit (added as its alias). */
export const ZMapSourceName = z.object({
  name: ZUnitName('来源名称'),
  unitId: ZId('请选择单位'),
});

const ZPoints = (label: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d{1,4}(\.\d{1,2})?$/, `${label}须为0—9999之间、最多两位小数的数`)], {
      error: `请填写${label}`,
    })
    .transform(Number)
    .pipe(z.number().min(0, `${label}不能为负数`).max(9999, `${label}不能超过9999`).refine((n) => Math.round(n * 100) === n * 100, `${label}最多两位小数`));

export const ZCreatePointRuleSet = z.object({
  effectiveFrom: z.iso.date({ error: '请选择有效的生效日期' }),
  singleAdoption: ZPoints('单独采用分值'),
  mergedAdoption: ZPoints('综合采用分值'),
  requestBonus: ZPoints('约稿采用加分'),
  instructionBonus: ZPoints('领导批示加分'),
});

export const ZRecordLeaderInstruction = z.object({
  issueId: ZId('期次编号无效'),
  position: z
    .union([z.number(), z.string().regex(/^\d{1,4}$/, '请选择稿件')], { error: '请选择稿件' })
    .transform(Number)
    .pipe(z.number().int('请选择稿件').min(0, '请选择稿件').max(9999, '请选择稿件')),
  leader: ZText('批示领导', { max: 40, required: '请填写批示领导' }),
  date: z.iso.date({ error: '请选择有效的批示日期' }),
  text: ZText('批示内容', { max: 2000, required: '请填写批示内容', isMultiline: true }),
});

export const ZDeleteLeaderInstruction = z.object({ id: ZId('批示编号无效') });

/** 采用统计 per unit: a year, a quarter of it, or a custom range (from a query string, so never an error). */
export const ZUnitAdoptionQuery = z.object({
  year: z
    .union([z.number(), z.string().regex(/^\d{4}$/)])
    .transform(Number)
    .pipe(z.number().int().min(1900).max(2200))
    .optional()
    .catch(undefined),
  quarter: z.enum(['1', '2', '3', '4']).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
