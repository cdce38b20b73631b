// What review tests start from: a publication with one section, an editor and a reviewer (李金涛).
import { db } from '@/lib/db';
import { createTestUser } from './factories';

export async function createReviewSetup() {
  const publication = await db.publication.create({
    data: { name: '科协每周动态', publisher: '北京市科协办公室', distribution: ['市科协驻会领导'], startYear: 2030, startYearNumber: 1, startTotalNumber: 100 },
  });
  const sectionId = (await db.section.create({ data: { publicationId: publication.id, name: '学会动态', position: 1 } })).id;
  const editor = await createTestUser({ roles: ['EDITOR'] });
  const reviewer = await createTestUser({ roles: ['REVIEWER'] });
  await db.user.update({ where: { id: reviewer.id }, data: { displayName: '李金涛' } });
  return { sectionId, editor, reviewer };
}
