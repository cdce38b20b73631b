-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('ASSEMBLING', 'IN_REVIEW', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "IssueEventType" AS ENUM ('CREATED', 'DATE_CHANGED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'UNLOCKED', 'PUBLISHED');

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "issueId" INTEGER,
ADD COLUMN     "issuePosition" INTEGER;

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "startTotalNumber" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "startYear" INTEGER,
ADD COLUMN     "startYearNumber" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "issueDate" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "yearNumber" INTEGER NOT NULL,
    "totalNumber" INTEGER NOT NULL,
    "status" "IssueStatus" NOT NULL DEFAULT 'ASSEMBLING',
    "contentsLines" TEXT[],
    "isContentsEdited" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER NOT NULL,
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "approvedFingerprint" TEXT,
    "publishedAt" TIMESTAMP(3),
    "snapshot" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueEvent" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "type" "IssueEventType" NOT NULL,
    "actorId" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "itemId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Issue_status_idx" ON "Issue"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_publicationId_totalNumber_key" ON "Issue"("publicationId", "totalNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_publicationId_year_yearNumber_key" ON "Issue"("publicationId", "year", "yearNumber");

-- CreateIndex
CREATE INDEX "IssueEvent_issueId_createdAt_idx" ON "IssueEvent"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_issueId_createdAt_idx" ON "ReviewComment"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "Item_issueId_idx" ON "Item"("issueId");

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueEvent" ADD CONSTRAINT "IssueEvent_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueEvent" ADD CONSTRAINT "IssueEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published numbers are promises to readers: the database itself refuses to publish out of
-- order (a gap), to renumber or unpublish a published issue, or to delete one.
-- (Prisma's schema does not describe triggers; lib/numbering.ts keeps to the same rules.)
CREATE FUNCTION "issue_guard_published"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'PUBLISHED' THEN
      RAISE EXCEPTION 'published issue % cannot be deleted', OLD."totalNumber" USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."status" = 'PUBLISHED' THEN
    IF NEW."status" <> 'PUBLISHED' OR NEW."totalNumber" <> OLD."totalNumber"
       OR NEW."yearNumber" <> OLD."yearNumber" OR NEW."year" <> OLD."year" OR NEW."issueDate" <> OLD."issueDate" THEN
      RAISE EXCEPTION 'published issue % cannot change its numbers, date or state', OLD."totalNumber"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."status" = 'PUBLISHED' THEN
    IF NEW."totalNumber" <> (SELECT "startTotalNumber" FROM "Publication" WHERE "id" = NEW."publicationId")
       AND NOT EXISTS (
         SELECT 1 FROM "Issue"
         WHERE "publicationId" = NEW."publicationId" AND "status" = 'PUBLISHED' AND "totalNumber" = NEW."totalNumber" - 1
       ) THEN
      RAISE EXCEPTION 'issue % cannot be published before issue %', NEW."totalNumber", NEW."totalNumber" - 1
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Issue_guard_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION "issue_guard_published"();
