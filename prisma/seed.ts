// Demo data for a first start: the publication, its section catalogue and one account per
// role. Runs only on an empty database; the generated passwords are shown once.
import type { PrismaClient } from '@/lib/generated/prisma/client';
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
];

const DEMO_SECTIONS: { name: string; kind: 'LEAD' | 'REGULAR'; columns?: string[] }[] = [
  { name: '市科协要闻', kind: 'LEAD' },
  { name: '学会动态', kind: 'REGULAR' },
  { name: '区科协动态', kind: 'REGULAR' },
  { name: '基层组织动态', kind: 'REGULAR', columns: ['首都科技工作者沙龙'] },
];

const DEMO_DISTRIBUTION = [
  '市科协第十届委员会主席、副主席、常委、委员',
  '市科协驻会领导',
  '市学会、基金会，区科协，基层组织',
  '机关各部门及事业单位',
];

/** Seeds the demo data when the database has no publication yet; returns the new accounts. */
export async function seedDemoIfEmpty(prisma: PrismaClient): Promise<DemoAccount[] | null> {
  if ((await prisma.publication.count()) > 0) return null;

  const accounts = DEMO_USERS.map((user) => ({ ...user, password: generatePassword() }));
  const rows = await Promise.all(
    accounts.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );

  await prisma.$transaction(async (tx) => {
    const publication = await tx.publication.create({
      data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: DEMO_DISTRIBUTION },
    });
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
    await tx.user.createMany({ data: rows });
  });
  return accounts;
}
