// The real printed issues (../shared/fixtures/issues) as import files, and a clean archive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');

export function fixtureFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: readFileSync(path.join(SHARED, 'fixtures/issues', name)) };
}

export function textFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

/**
 * Empties the test database's issues (published ones included: the guard trigger is lifted
 * for the moment) and gives it one publication with the demo's section catalogue.
 */
export async function resetArchive(start: { startYear?: number; startYearNumber?: number; startTotalNumber?: number } = {}) {
  await db.item.updateMany({ data: { issueId: null, issuePosition: null } });
  await db.$executeRaw`ALTER TABLE "Issue" DISABLE TRIGGER "Issue_guard_published"`;
  await db.issueExport.deleteMany();
  await db.issueEvent.deleteMany();
  await db.reviewComment.deleteMany();
  await db.issue.deleteMany();
  await db.$executeRaw`ALTER TABLE "Issue" ENABLE TRIGGER "Issue_guard_published"`;
  await db.itemVersion.deleteMany();
  await db.item.deleteMany();
  await db.sectionColumn.deleteMany();
  await db.section.deleteMany();
  await db.publication.deleteMany();
  const publication = await db.publication.create({
    data: {
      name: '科协每周动态',
      publisher: '北京市科协办公室',
      distribution: ['市科协驻会领导'],
      ...start,
      sections: {
        create: [
          { name: '市科协要闻', kind: 'LEAD', position: 0 },
          { name: '学会动态', position: 1 },
          { name: '区科协动态', position: 2 },
          { name: '基层组织动态', position: 3, columns: { create: [{ name: '首都科技工作者沙龙', position: 0 }] } },
        ],
      },
    },
  });
  return publication.id;
}
