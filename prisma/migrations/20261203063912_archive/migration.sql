-- CreateEnum
CREATE TYPE "IssueOrigin" AS ENUM ('EDITED', 'IMPORTED');

-- AlterEnum
ALTER TYPE "IssueEventType" ADD VALUE 'IMPORTED';

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "importFileName" TEXT,
ADD COLUMN     "importFingerprint" TEXT,
ADD COLUMN     "origin" "IssueOrigin" NOT NULL DEFAULT 'EDITED';

-- CreateTable
CREATE TABLE "ArchiveItem" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionName" TEXT NOT NULL,
    "isLead" BOOLEAN NOT NULL,
    "columnName" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "bodyText" TEXT NOT NULL,
    "sources" TEXT[],
    "sourceUnits" TEXT[],
    "year" INTEGER NOT NULL,
    "yearNumber" INTEGER NOT NULL,
    "issueDate" DATE NOT NULL,
    "totalNumber" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "ArchiveItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArchiveItem_issueDate_totalNumber_position_idx" ON "ArchiveItem"("issueDate" DESC, "totalNumber" DESC, "position");

-- CreateIndex
CREATE INDEX "ArchiveItem_year_sectionName_idx" ON "ArchiveItem"("year", "sectionName");

-- CreateIndex
CREATE INDEX "ArchiveItem_sourceUnits_idx" ON "ArchiveItem" USING GIN ("sourceUnits");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveItem_issueId_position_key" ON "ArchiveItem"("issueId", "position");

-- AddForeignKey
ALTER TABLE "ArchiveItem" ADD CONSTRAINT "ArchiveItem_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search index (written by hand: Prisma's schema cannot describe an expression index).
-- pg_trgm does not help here: under the cluster's locale (initdb --locale=C) it treats every
-- CJK character as a non-word character and extracts no trigram from Chinese text at all, and
-- even under a UTF-8 ctype it has nothing to offer a one- or two-character query, the most
-- common kind in Chinese. Instead the index holds every character and every pair of adjacent
-- characters of the normalised text ("searchText"), independent of the locale: a query of one
-- character looks up that character, a longer one all of its pairs, and LIKE on "searchText"
-- then checks the exact, contiguous match (lib/data/archive.ts).
CREATE FUNCTION "archive_search_grams"(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  -- Expensive per row: the planner should use the index rather than call it on every row.
  COST 10000
  RETURN regexp_split_to_array(t, '')
    || ARRAY(SELECT (regexp_matches(t, '..', 'g'))[1])
    || ARRAY(SELECT (regexp_matches(substr(t, 2), '..', 'g'))[1]);

CREATE INDEX "ArchiveItem_search_idx" ON "ArchiveItem" USING GIN ("archive_search_grams"("searchText"));

-- Searches read a few hundred rows at most; starting parallel workers for them costs more than
-- it saves, and on two cores under load the workers only compete with the other requests.
ALTER TABLE "ArchiveItem" SET (parallel_workers = 0);

-- The guard on published numbers, now aware of imported history:
-- - an imported issue is inserted already published, and only below every issue published in
--   the system itself (history comes before the system's own issues; gaps in the history are
--   allowed, because the office may not have every old issue);
-- - an issue published in the system comes after everything published or imported, and right
--   after its predecessor (or is the start point) — so numbering continues after the history;
-- - nothing published changes its numbers, date, state or origin, or is deleted.
CREATE OR REPLACE FUNCTION "issue_guard_published"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'PUBLISHED' THEN
      RAISE EXCEPTION 'published issue % cannot be deleted', OLD."totalNumber" USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."status" = 'PUBLISHED' THEN
    IF NEW."status" <> 'PUBLISHED' OR NEW."totalNumber" <> OLD."totalNumber" OR NEW."origin" <> OLD."origin"
       OR NEW."yearNumber" <> OLD."yearNumber" OR NEW."year" <> OLD."year" OR NEW."issueDate" <> OLD."issueDate" THEN
      RAISE EXCEPTION 'published issue % cannot change its numbers, date, state or origin', OLD."totalNumber"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."origin" = 'IMPORTED' THEN
    IF TG_OP = 'UPDATE' OR NEW."status" <> 'PUBLISHED' THEN
      RAISE EXCEPTION 'an imported issue is inserted as published history' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (
      SELECT 1 FROM "Issue"
      WHERE "publicationId" = NEW."publicationId" AND "status" = 'PUBLISHED' AND "origin" = 'EDITED'
        AND "totalNumber" < NEW."totalNumber"
    ) THEN
      RAISE EXCEPTION 'imported issue % cannot come after issues published in the system', NEW."totalNumber"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."status" = 'PUBLISHED' THEN
    IF EXISTS (
      SELECT 1 FROM "Issue"
      WHERE "publicationId" = NEW."publicationId" AND "status" = 'PUBLISHED' AND "totalNumber" >= NEW."totalNumber"
    ) THEN
      RAISE EXCEPTION 'issue % cannot be published before issues with higher numbers', NEW."totalNumber"
        USING ERRCODE = 'check_violation';
    END IF;
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
