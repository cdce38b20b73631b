// Units, 信息员 accounts and sections for the 信息报送 tests.
import { db } from '@/lib/db';
import type { Role } from '@/lib/roles';
import { createTestUser, uniqueName } from './factories';

export async function createTestUnit(name = `${uniqueName('单位')}科协`) {
  return db.unit.create({ data: { name, shortNames: [], aliases: [], kind: 'DISTRICT' } });
}

export async function createTestReporter(unitId: number, options: { email?: string } = {}) {
  const user = await createTestUser({ roles: ['REPORTER' satisfies Role] });
  return db.user.update({ where: { id: user.id }, data: { unitId, email: options.email ?? null } });
}

export async function createTestSection(name = uniqueName('栏目')) {
  const publication =
    (await db.publication.findFirst()) ?? (await db.publication.create({ data: { name: '科协每周动态', publisher: '北京市科协办公室' } }));
  return db.section.create({ data: { publicationId: publication.id, name, position: 99 } });
}

/** A body of plain paragraphs. */
export function paragraphs(...texts: string[]) {
  return { type: 'doc' as const, content: texts.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) };
}

export const SENDER = { writer: '张三', writerPhone: '010-12345678', signedOffBy: '李四' };
