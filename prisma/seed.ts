// Demo data for a first start: the publication (the demo adds a second one, a 专报 with its
// own sections and numbering), its section catalogue and one account per role. Runs only on an empty database; the generated passwords are shown once.
import { fromDbDate, toDbDate } from '@/lib/dates';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedDemoSubmissions, seedDemoUnits } from '@/prisma/demo-intake';
import { generatePassword, hashPassword } from '@/lib/password';
import type { Role } from '@/lib/roles';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

const DEMO_USERS: Omit<DemoAccount, 'password'>[] = [
  { username: 'admin', displayName: '王晓明', roles: ['ADMIN'] },
  { username: 'editor', displayName: '张红波', roles: ['EDITOR'] },
  { username: 'reviewer', displayName: '李金涛', roles: ['REVIEWER'] },
  { username: 'staff', displayName: '赵丽', roles: ['STAFF'] },
  // 信息员 of 东城区科协 (prisma/demo-intake.ts).
  { username: 'reporter', displayName: '刘洋', roles: ['REPORTER'] },
];

export const DEMO_SECTIONS: { name: string; kind: 'LEAD' | 'REGULAR'; columns?: string[] }[] = [
  { name: '市科协要闻', kind: 'LEAD' },
  { name: '学会动态', kind: 'REGULAR' },
  { name: '区科协动态', kind: 'REGULAR' },
  { name: '基层组织动态', kind: 'REGULAR', columns: ['首都科技工作者沙龙'] },
];

export const DEMO_DISTRIBUTION = [
  '市科协第十届委员会主席、副主席、常委、委员',
  '市科协驻会领导',
  '市学会、基金会，区科协，基层组织',
  '机关各部门及事业单位',
];

/** The demo's second publication: another serial of the office, numbered on its own from 第1期. */
export const DEMO_SECOND_PUBLICATION = {
  name: '科协专报',
  slug: 'zhuanbao',
  mastheadTitle: '北京科协工作专报',
  publisher: '北京市科协办公室',
  distribution: ['市科协主要领导', '机关各部门'],
  contentsStyle: 'SECTIONS' as const,
  sections: ['工作专报', '调研参考'],
};

/**
 * Sets up an empty database: the publication and its catalogue, and accounts with generated
 * passwords — one per role for the demo, or only the administrator for real use (who then
 * creates the office's accounts). Returns the new accounts; null when already set up.
 */
export async function seedDemoIfEmpty(prisma: PrismaClient, { isDemo = true } = {}): Promise<DemoAccount[] | null> {
  if ((await prisma.publication.count()) > 0) return null;

  const users = isDemo ? DEMO_USERS : DEMO_USERS.filter((user) => user.roles.includes('ADMIN'));
  const accounts = users.map((user) => ({ ...user, password: generatePassword() }));
  const rows = await Promise.all(
    accounts.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );

  await prisma.$transaction(async (tx) => {
    const publication = await tx.publication.create({
      // As the office prints it: page 1 holds the masthead and 目录提要, the lead item starts page 2.
      data: { name: '科协每周动态', slug: 'weekly', publisher: '北京市科协办公室', distribution: DEMO_DISTRIBUTION, contentsOnOwnPage: true },
    });
    if (isDemo) {
      const { sections, ...second } = DEMO_SECOND_PUBLICATION;
      await tx.publication.create({
        data: { ...second, position: 1, sections: { create: sections.map((name, position) => ({ name, position })) } },
      });
    }
    for (const [position, section] of DEMO_SECTIONS.entries()) {
      await tx.section.create({
        data: {
          publicationId: publication.id,
          name: section.name,
          kind: section.kind,
          position,
          columns: { create: (section.columns ?? []).map((name, i) => ({ name, position: i })) },
        },
      });
    }
    const reporterUnitId = isDemo ? await seedDemoUnits(tx) : null;
    await tx.user.createMany({ data: rows.map((row) => (row.roles.includes('REPORTER') ? { ...row, unitId: reporterUnitId } : row)) });
  });
  return accounts;
}

interface DemoItem {
  section: string;
  column?: string;
  title: string;
  sources: string[];
  paragraphs: string[];
}

// A finished example for a newcomer: one issue, assembled, approved and published through the
// same functions the app uses. The text is written for this demo (no real events).
export const DEMO_ITEMS: DemoItem[] = [
  {
    section: '市科协要闻',
    title: '市科协召开月度工作交流会',
    sources: [],
    paragraphs: [
      '本周，市科协召开月度工作交流会，机关各部门和直属单位负责同志参加会议，交流本月重点工作进展，研究部署下阶段任务。',
      '会议指出，要围绕服务科技工作者这一主线，做好学术交流、科学普及和决策咨询各项工作，推动各项任务按期落实。',
    ],
  },
  {
    section: '学会动态',
    title: '市气象学会举办青少年气象科普开放日',
    sources: ['市气象学会'],
    paragraphs: [
      '周末，市气象学会在气象科普馆举办青少年科普开放日活动，二百余名中小学生走进观测场，了解天气预报的制作过程。',
      '活动中，气象专家结合近期天气变化，讲解了寒潮、大风等天气现象的成因和防范知识，学生们亲手操作了雨量计和风速仪。',
    ],
  },
  {
    section: '区科协动态',
    title: '某区科协开展社区科普志愿服务',
    sources: ['某区科协'],
    paragraphs: [
      '某区科协组织科技志愿者走进社区，围绕健康生活、防范电信诈骗等居民关心的话题开展科普讲座和咨询服务。',
    ],
  },
  {
    section: '基层组织动态',
    column: '首都科技工作者沙龙',
    title: '“人工智能与城市治理”沙龙举办',
    sources: ['某高校科协'],
    paragraphs: [
      '本期首都科技工作者沙龙以“人工智能与城市治理”为主题，来自高校、科研院所和企业的二十余位青年科技工作者参加交流。',
    ],
  },
];

/** This week's items, not yet in an issue: what a newcomer finds under 稿件 and can assemble. */
export const DEMO_ITEMS_IN_PROGRESS: (DemoItem & { status: 'DRAFT' | 'READY' })[] = [
  {
    section: '市科协要闻',
    title: '市科协召开学会工作座谈会',
    sources: [],
    status: 'READY',
    paragraphs: [
      '本周，市科协召开学会工作座谈会，十余家市级学会负责同志参加，交流学会服务科技工作者、承接政府职能转移等方面的做法。',
      '会议要求，各学会要加强自身建设，规范财务和活动管理，更好发挥学术交流主渠道作用。',
    ],
  },
  {
    section: '学会动态',
    title: '市营养学会开展全民营养周科普活动',
    sources: ['市营养学会'],
    status: 'READY',
    paragraphs: ['市营养学会组织营养专家走进社区和学校，围绕合理膳食、减盐减油等主题开展科普讲座，发放科普资料一千余份。'],
  },
  {
    section: '区科协动态',
    title: '某区科协举办中小学生科技节',
    sources: ['某区科协'],
    status: 'DRAFT',
    paragraphs: ['某区科协举办第十届中小学生科技节，全区三十余所中小学的师生参加科学实验展示、科技制作比赛等活动。'],
  },
];

/**
 * The demo's numbering start point, as if the office had kept publishing weekly since the real
 * 2023年第14期（总第67期）of 2023-04-28 (../shared/fixtures): a realistic number, and room
 * below it for the real past issues to be imported into the demo's archive.
 */
export function demoStartPoint(isoDate: string): { startYear: number; startYearNumber: number; startTotalNumber: number } {
  const date = toDbDate(isoDate);
  const year = date.getUTCFullYear();
  const week = 7 * 86_400_000;
  const firstFriday = new Date(Date.UTC(year, 0, 1 + ((5 - new Date(Date.UTC(year, 0, 1)).getUTCDay() + 7) % 7)));
  const sinceFixture = Math.max(1, Math.round((date.getTime() - Date.UTC(2023, 3, 28)) / week));
  return {
    startYear: year,
    startYearNumber: Math.max(1, Math.floor((date.getTime() - firstFriday.getTime()) / week) + 1),
    startTotalNumber: 67 + sinceFixture,
  };
}

/** The demo 专报's one item. */
export const DEMO_SECOND_ITEM = {
  section: '工作专报',
  title: '市科协推进科技志愿服务工作情况',
  sources: ['市科协科普部'],
  paragraphs: [
    '今年以来，市科协围绕科技志愿服务体系建设，组织各区科协和市级学会开展科普讲座、科技咨询等志愿服务活动，覆盖社区居民十余万人次。',
    '下一步，市科协将完善志愿者招募和激励机制，推动科技志愿服务常态化开展。',
  ],
};

/**
 * Publishes the demo issue (dated the Friday before this week's) unless an issue exists, and
 * the demo 专报's first issue (第1期 of its own numbering) on the same date; then writes this
 * week's items in progress.
 * Runs with DATABASE_URL pointing at the seeded database; returns the weekly issue's id.
 */
export async function publishDemoIssue(): Promise<number | null> {
  const { db } = await import('@/lib/db');
  const issues = {
    ...(await import('@/lib/data/issue-numbering')),
    ...(await import('@/lib/data/issue-assembly')),
    ...(await import('@/lib/data/issue-workflow')),
    ...(await import('@/lib/issues/schedule')),
  };
  if ((await db.issue.count()) > 0) return null;
  const users = await db.user.findMany({ where: { username: { in: ['editor', 'reviewer'] } } });
  const toCurrent = (u: (typeof users)[number]) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles });
  const editor = users.find((u) => u.username === 'editor');
  const reviewer = users.find((u) => u.username === 'reviewer');
  if (!editor || !reviewer) return null;

  const [weekly, second] = await db.publication.findMany({ orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true } });
  if (!weekly) return null;
  const sections = await db.section.findMany({ where: { publicationId: weekly.id }, include: { columns: true } });
  /** An item (待编 unless said) with its first version, written as the editor. */
  const createItem = async (demo: DemoItem, sectionId: number, columnId: number | null, status: 'DRAFT' | 'READY' = 'READY') => {
    const body = { type: 'doc', content: demo.paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
    const row = {
      title: demo.title,
      sectionId,
      columnId,
      sources: demo.sources,
      body,
      bodyText: demo.paragraphs.join('\n\n'),
      status,
    };
    const item = await db.item.create({ data: { ...row, authorId: editor.id } });
    await db.itemVersion.create({ data: { ...row, itemId: item.id, version: 1, editorId: editor.id } });
    return item.id;
  };
  const createWeeklyItem = async (demo: DemoItem, status?: 'DRAFT' | 'READY') => {
    const section = sections.find((s) => s.name === demo.section);
    return section && createItem(demo, section.id, section.columns.find((c) => c.name === demo.column)?.id ?? null, status);
  };
  const itemIds: number[] = [];
  for (const demo of DEMO_ITEMS) {
    const itemId = await createWeeklyItem(demo);
    if (itemId !== undefined) itemIds.push(itemId);
  }

  const lastFriday = toDbDate(issues.getThisWeeksFriday());
  lastFriday.setUTCDate(lastFriday.getUTCDate() - 7);
  const issueDate = fromDbDate(lastFriday);
  await db.publication.updateMany({ where: { id: weekly.id, startYear: null }, data: demoStartPoint(issueDate) });
  const publish = async (publicationId: number, ids: number[]) => {
    const { id } = await issues.createIssue({ issueDate, publicationId }, toCurrent(editor));
    await issues.addItemsToIssue({ id, itemIds: ids });
    await issues.submitIssue(id, toCurrent(editor));
    await issues.approveIssue(id, toCurrent(reviewer));
    await issues.publishIssue(id, toCurrent(editor));
    return id;
  };
  const id = await publish(weekly.id, itemIds);
  if (await db.user.findUnique({ where: { username: 'reporter' } })) {
    const adopted = await db.item.findFirst({ where: { issueId: id, sources: { has: '市气象学会' } }, select: { id: true } });
    await seedDemoSubmissions(db, { editorId: editor.id, adoptedItemId: adopted?.id ?? null, today: new Date() });
  }
  const secondSection = second && (await db.section.findFirst({ where: { publicationId: second.id, name: DEMO_SECOND_ITEM.section } }));
  if (second && secondSection) await publish(second.id, [await createItem(DEMO_SECOND_ITEM, secondSection.id, null)]);
  for (const demo of DEMO_ITEMS_IN_PROGRESS) await createWeeklyItem(demo, demo.status);
  return id;
}
