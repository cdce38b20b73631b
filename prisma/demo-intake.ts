// The demo's 信息报送: the unit catalogue (16 区科协, societies, centres and departments; names
// as printed in real issues where known), one 信息员 account, and a few submissions in each
// state so a newcomer sees the flow from 已报送 to 已采用. Runs with the demo only.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type UnitKind = 'DISTRICT' | 'SOCIETY' | 'AFFILIATE' | 'DEPARTMENT';

const DISTRICTS = ['东城', '西城', '朝阳', '海淀', '丰台', '石景山', '门头沟', '房山', '通州', '顺义', '昌平', '大兴', '怀柔', '平谷', '密云', '延庆'];

const SOCIETIES = [
  '北京土壤学会',
  '北京作物学会',
  '北京中医药学会',
  '北京安全技术学会',
  '北京物联网智能技术应用协会',
  '北京市气象学会',
  '北京力学会',
  '北京数学会',
  '北京物理学会',
  '北京化学会',
  '北京地质学会',
  '北京地理学会',
  '北京植物学会',
  '北京动物学会',
  '北京生物医学工程学会',
  '北京营养学会',
  '北京心理卫生协会',
  '北京电子学会',
  '北京计算机学会',
  '北京自动化学会',
  '北京机械工程学会',
  '北京金属学会',
  '北京土木建筑学会',
  '北京水利学会',
  '北京环境科学学会',
  '北京林学会',
  '北京畜牧兽医学会',
  '北京园艺学会',
  '北京医学会',
  '北京药学会',
  '北京护理学会',
  '北京科普作家协会',
];

const AFFILIATES: [string, string[]][] = [
  ['北京科技社团服务中心', ['社团服务中心', '科技社团服务中心']],
  ['北京科技馆', []],
  ['北京科学中心', []],
  ['北京市科技传播中心', []],
  ['北京市科学技术研究院', ['北科院']],
];

const DEPARTMENTS = ['办公室', '学会部', '科普部', '组织人事部', '调研宣传部'];

export const DEMO_UNIT_NAMES = {
  reporterUnit: '东城区科协',
};

function units(): Prisma.UnitCreateManyInput[] {
  const rows: { name: string; kind: UnitKind; shortNames?: string[] }[] = [
    ...DISTRICTS.map((d) => ({ name: `${d}区科协`, kind: 'DISTRICT' as const })),
    ...SOCIETIES.map((name) => ({ name, kind: 'SOCIETY' as const, shortNames: name === '北京市气象学会' ? ['市气象学会'] : [] })),
    ...AFFILIATES.map(([name, shortNames]) => ({ name, kind: 'AFFILIATE' as const, shortNames })),
    ...DEPARTMENTS.map((name) => ({ name, kind: 'DEPARTMENT' as const })),
  ];
  return rows.map((row) => ({ name: row.name, kind: row.kind, shortNames: row.shortNames ?? [], aliases: [] }));
}

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** The catalogue; returns the id of the demo 信息员's unit. */
export async function seedDemoUnits(tx: Tx): Promise<number> {
  await tx.unit.createMany({ data: units(), skipDuplicates: true });
  const unit = await tx.unit.findUniqueOrThrow({ where: { name: DEMO_UNIT_NAMES.reporterUnit }, select: { id: true } });
  return unit.id;
}

function body(...paragraphs: string[]) {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

const SENDER = { writer: '刘洋', writerPhone: '010-64000000', signedOffBy: '陈建国' };

/**
 * Submissions in every state (other units' entered under the demo editor, who has no 信息员 of
 * theirs to send them), written for this demo (no real events): the reporter's unit has
 * one of each; another unit sent the same text twice (疑似重复); a 约稿 is open. `adoptedItemId`
 * is an item of the demo issue, so 已采用 shows the issue's number.
 */
export async function seedDemoSubmissions(tx: Tx, options: { editorId: number; adoptedItemId: number | null; today: Date }): Promise<void> {
  const reporter = await tx.user.findUniqueOrThrow({ where: { username: 'reporter' }, select: { id: true, unitId: true } });
  const byName = async (name: string) => (await tx.unit.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
  const unitId = reporter.unitId!;
  const meteorology = await byName('北京市气象学会');
  const chaoyang = await byName('朝阳区科协');
  const days = (n: number) => new Date(options.today.getTime() - n * 86_400_000);
  const decided = { decidedById: options.editorId };

  const deadline = new Date(Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate() + 10));
  const request = await tx.submissionRequest.create({
    data: {
      topic: '全国科普日活动情况',
      details: '请报送本单位全国科普日期间开展的主要活动、参与人数和特色做法，500字以内。',
      deadline,
      createdById: options.editorId,
      units: { create: [{ unitId }, { unitId: chaoyang }, { unitId: meteorology }] },
    },
  });

  const text = (title: string, ...paragraphs: string[]) => ({ title, body: body(...paragraphs), bodyText: paragraphs.join('\n\n') });
  const volunteer = '东城区科协组织科技志愿者走进社区，围绕健康生活、防范电信诈骗等居民关心的话题开展科普讲座和咨询服务，发放科普资料八百余份。';
  await tx.submission.createMany({
    data: [
      { ...text('东城区科协举办社区科普志愿服务活动', volunteer), ...SENDER, unitId, authorId: reporter.id, status: 'SUBMITTED', createdAt: days(1) },
      {
        ...text('东城区科协召开年度学术交流会', '东城区科协召开年度学术交流会，区内学会和企业科协代表六十余人参加。'),
        ...SENDER,
        unitId,
        authorId: reporter.id,
        status: 'RETURNED',
        reason: '请补充会议时间、主要交流内容和成果，篇幅控制在500字以内。',
        ...decided,
        decidedAt: days(2),
        createdAt: days(4),
      },
      {
        ...text('东城区科协机关开展义务植树活动', '东城区科协机关干部参加义务植树活动。'),
        ...SENDER,
        unitId,
        authorId: reporter.id,
        status: 'DECLINED',
        reason: '机关内部活动，不在本刊报道范围。',
        ...decided,
        decidedAt: days(5),
        createdAt: days(6),
      },
      // Sent by another unit with the same text: shown as 疑似重复 in 来稿.
      { ...text('社区科普志愿服务走进朝阳', volunteer.replace('东城区', '朝阳区')), ...SENDER, unitId: chaoyang, authorId: options.editorId, status: 'SUBMITTED', createdAt: days(1) },
      {
        ...text('北京市气象学会报送科普日活动安排', '北京市气象学会将于科普日期间开放气象观测场，组织专家讲解天气预报知识。'),
        ...SENDER,
        unitId: meteorology,
        authorId: options.editorId,
        requestId: request.id,
        status: 'SUBMITTED',
        createdAt: days(0),
      },
    ],
  });
  if (options.adoptedItemId !== null) {
    const item = await tx.item.findUniqueOrThrow({ where: { id: options.adoptedItemId }, select: { title: true, body: true, bodyText: true } });
    await tx.submission.create({
      data: {
        title: item.title,
        body: item.body as Prisma.InputJsonValue,
        bodyText: item.bodyText,
        ...SENDER,
        unitId: meteorology,
        authorId: options.editorId,
        status: 'ADOPTED',
        itemId: options.adoptedItemId,
        ...decided,
        decidedAt: days(9),
        createdAt: days(10),
      },
    });
  }
}
