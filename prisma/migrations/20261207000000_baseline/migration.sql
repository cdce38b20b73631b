-- The schema as the development migrations of 2026-11-22 to 2026-12-06 left it, in one step.
-- Generated from prisma/schema.prisma, followed by what the schema language cannot say (the
-- archive's search index, the guard on published numbers, the 来稿 start-of-text index). A
-- database or backup made with those migrations is carried over to this one by
-- ops/pre-baseline.ts; test/pre-baseline.test.ts checks that both build the same schema.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'REVIEWER', 'STAFF', 'REPORTER');

-- CreateEnum
CREATE TYPE "ContentsStyle" AS ENUM ('HEADLINES', 'SECTIONS');

-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('LEAD', 'REGULAR');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('DRAFT', 'READY');

-- CreateEnum
CREATE TYPE "IssueOrigin" AS ENUM ('EDITED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('ASSEMBLING', 'IN_REVIEW', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "IssueEventType" AS ENUM ('CREATED', 'DATE_CHANGED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'UNLOCKED', 'PUBLISHED', 'IMPORTED', 'CORRECTED');

-- CreateEnum
CREATE TYPE "ExportFormat" AS ENUM ('PDF', 'DOCX');

-- CreateEnum
CREATE TYPE "GlossaryKind" AS ENUM ('PERSON', 'PREFERRED', 'AVOID');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ISSUE_SUBMITTED', 'ISSUE_RETURNED', 'ISSUE_APPROVED', 'ISSUE_PUBLISHED', 'COMMENT_ADDED', 'SUGGESTION_ADDED', 'SUBMISSION_RECEIVED', 'SUBMISSION_ADOPTED', 'SUBMISSION_RETURNED', 'SUBMISSION_DECLINED', 'REQUEST_SENT', 'REQUEST_OVERDUE');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DISTRICT', 'SOCIETY', 'AFFILIATE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'ADOPTED', 'MERGED', 'RETURNED', 'DECLINED');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "isDisabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "unitId" INTEGER,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "clientIp" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "mastheadTitle" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "publisher" TEXT NOT NULL,
    "distribution" TEXT[],
    "contentsOnOwnPage" BOOLEAN NOT NULL DEFAULT false,
    "contentsStyle" "ContentsStyle" NOT NULL DEFAULT 'HEADLINES',
    "startYear" INTEGER,
    "startYearNumber" INTEGER NOT NULL DEFAULT 1,
    "startTotalNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" SERIAL NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SectionKind" NOT NULL DEFAULT 'REGULAR',
    "position" INTEGER NOT NULL,
    "isRetired" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionColumn" (
    "id" SERIAL NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isRetired" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SectionColumn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "sectionId" INTEGER NOT NULL,
    "columnId" INTEGER,
    "sources" TEXT[],
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "eventDate" DATE,
    "status" "ItemStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" INTEGER NOT NULL,
    "issueId" INTEGER,
    "issuePosition" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemVersion" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "sectionId" INTEGER NOT NULL,
    "columnId" INTEGER,
    "sources" TEXT[],
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "eventDate" DATE,
    "status" "ItemStatus" NOT NULL,
    "editorId" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemVersion_pkey" PRIMARY KEY ("id")
);

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
    "origin" "IssueOrigin" NOT NULL DEFAULT 'EDITED',
    "importFileName" TEXT,
    "importFingerprint" TEXT,
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

-- CreateTable
CREATE TABLE "IssueExport" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "format" "ExportFormat" NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveItem" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "publicationId" INTEGER NOT NULL,
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

-- CreateTable
CREATE TABLE "GlossaryEntry" (
    "id" SERIAL NOT NULL,
    "kind" "GlossaryKind" NOT NULL,
    "term" TEXT NOT NULL,
    "title" TEXT,
    "variants" TEXT[],
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProofreadIgnore" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProofreadIgnore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortNames" TEXT[],
    "aliases" TEXT[],
    "kind" "UnitKind" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "writer" TEXT NOT NULL,
    "writerPhone" TEXT NOT NULL,
    "signedOffBy" TEXT NOT NULL,
    "fileName" TEXT,
    "requestId" INTEGER,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reason" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "itemId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionRequest" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "overdueNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionRequestUnit" (
    "requestId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "SubmissionRequestUnit_pkey" PRIMARY KEY ("requestId","unitId")
);

-- CreateTable
CREATE TABLE "PointRuleSet" (
    "id" SERIAL NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "singleAdoption" DECIMAL(6,2) NOT NULL,
    "mergedAdoption" DECIMAL(6,2) NOT NULL,
    "requestBonus" DECIMAL(6,2) NOT NULL,
    "instructionBonus" DECIMAL(6,2) NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderInstruction" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "leader" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderInstruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationReply" (
    "id" SERIAL NOT NULL,
    "annotationId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "LoginFailure_username_createdAt_idx" ON "LoginFailure"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginFailure_clientIp_createdAt_idx" ON "LoginFailure"("clientIp", "createdAt");

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_name_key" ON "Publication"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");

-- CreateIndex
CREATE INDEX "Section_publicationId_position_idx" ON "Section"("publicationId", "position");

-- CreateIndex
CREATE INDEX "SectionColumn_sectionId_position_idx" ON "SectionColumn"("sectionId", "position");

-- CreateIndex
CREATE INDEX "Item_issueId_idx" ON "Item"("issueId");

-- CreateIndex
CREATE INDEX "Item_sectionId_status_idx" ON "Item"("sectionId", "status");

-- CreateIndex
CREATE INDEX "Item_authorId_idx" ON "Item"("authorId");

-- CreateIndex
CREATE INDEX "Item_updatedAt_id_idx" ON "Item"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ItemVersion_itemId_version_key" ON "ItemVersion"("itemId", "version");

-- CreateIndex
CREATE INDEX "Issue_status_idx" ON "Issue"("status");

-- CreateIndex
CREATE INDEX "Issue_publicationId_status_year_totalNumber_idx" ON "Issue"("publicationId", "status", "year" DESC, "totalNumber" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Issue_publicationId_totalNumber_key" ON "Issue"("publicationId", "totalNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_publicationId_year_yearNumber_key" ON "Issue"("publicationId", "year", "yearNumber");

-- CreateIndex
CREATE INDEX "IssueEvent_issueId_createdAt_idx" ON "IssueEvent"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_issueId_createdAt_idx" ON "ReviewComment"("issueId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssueExport_issueId_format_key" ON "IssueExport"("issueId", "format");

-- CreateIndex
CREATE INDEX "ArchiveItem_issueDate_totalNumber_position_idx" ON "ArchiveItem"("issueDate" DESC, "totalNumber" DESC, "position");

-- CreateIndex
CREATE INDEX "ArchiveItem_year_sectionName_idx" ON "ArchiveItem"("year", "sectionName");

-- CreateIndex
CREATE INDEX "ArchiveItem_sourceUnits_idx" ON "ArchiveItem" USING GIN ("sourceUnits");

-- CreateIndex
CREATE INDEX "ArchiveItem_publicationId_issueDate_totalNumber_position_idx" ON "ArchiveItem"("publicationId", "issueDate" DESC, "totalNumber" DESC, "position");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveItem_issueId_position_key" ON "ArchiveItem"("issueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryEntry_kind_term_key" ON "GlossaryEntry"("kind", "term");

-- CreateIndex
CREATE UNIQUE INDEX "ProofreadIgnore_itemId_key_key" ON "ProofreadIgnore"("itemId", "key");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE INDEX "Unit_kind_isActive_idx" ON "Unit"("kind", "isActive");

-- CreateIndex
CREATE INDEX "Submission_unitId_createdAt_idx" ON "Submission"("unitId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_status_createdAt_idx" ON "Submission"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_createdAt_idx" ON "Submission"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_itemId_idx" ON "Submission"("itemId");

-- CreateIndex
CREATE INDEX "Submission_requestId_idx" ON "Submission"("requestId");

-- CreateIndex
CREATE INDEX "SubmissionRequest_deadline_idx" ON "SubmissionRequest"("deadline");

-- CreateIndex
CREATE INDEX "SubmissionRequestUnit_unitId_idx" ON "SubmissionRequestUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PointRuleSet_effectiveFrom_key" ON "PointRuleSet"("effectiveFrom");

-- CreateIndex
CREATE INDEX "LeaderInstruction_issueId_position_idx" ON "LeaderInstruction"("issueId", "position");

-- CreateIndex
CREATE INDEX "LeaderInstruction_date_idx" ON "LeaderInstruction"("date");

-- CreateIndex
CREATE INDEX "Annotation_issueId_resolvedAt_idx" ON "Annotation"("issueId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Annotation_itemId_idx" ON "Annotation"("itemId");

-- CreateIndex
CREATE INDEX "AnnotationReply_annotationId_createdAt_idx" ON "AnnotationReply"("annotationId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionColumn" ADD CONSTRAINT "SectionColumn_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_columnId_fkey" FOREIGN KEY ("columnId") REFERENCES "SectionColumn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemVersion" ADD CONSTRAINT "ItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemVersion" ADD CONSTRAINT "ItemVersion_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

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

-- AddForeignKey
ALTER TABLE "IssueExport" ADD CONSTRAINT "IssueExport_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveItem" ADD CONSTRAINT "ArchiveItem_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveItem" ADD CONSTRAINT "ArchiveItem_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProofreadIgnore" ADD CONSTRAINT "ProofreadIgnore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SubmissionRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRequest" ADD CONSTRAINT "SubmissionRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRequestUnit" ADD CONSTRAINT "SubmissionRequestUnit_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SubmissionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRequestUnit" ADD CONSTRAINT "SubmissionRequestUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointRuleSet" ADD CONSTRAINT "PointRuleSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderInstruction" ADD CONSTRAINT "LeaderInstruction_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderInstruction" ADD CONSTRAINT "LeaderInstruction_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationReply" ADD CONSTRAINT "AnnotationReply_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationReply" ADD CONSTRAINT "AnnotationReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Archive search. pg_trgm does not help here: under the cluster's locale (initdb --locale=C) it
-- treats every CJK character as a non-word character and extracts no trigram from Chinese text
-- at all, and even under a UTF-8 ctype it has nothing to offer a one- or two-character query,
-- the most common kind in Chinese. Instead the index holds every character and every pair of
-- adjacent characters of the normalised text ("searchText"), independent of the locale: a query
-- of one character looks up that character, a longer one all of its pairs, and LIKE on
-- "searchText" then checks the exact, contiguous match (lib/data/archive.ts).
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

-- The guard on published numbers:
-- - an imported issue is inserted already published, and only below every issue published in
--   the system itself (history comes before the system's own issues; gaps in the history are
--   allowed, because the office may not have every old issue);
-- - an issue published in the system comes after everything published or imported, and right
--   after its predecessor (or is the start point) — so numbering continues after the history;
-- - nothing published changes its numbers, date, state or origin, or is deleted.
CREATE FUNCTION "issue_guard_published"() RETURNS trigger AS $$
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

CREATE TRIGGER "Issue_guard_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION "issue_guard_published"();

-- The 来稿 list's 疑似重复 flag compares the start of each submission's text (its first 60
-- characters without white space) with the submissions of the year around it: an index on
-- that start and the date turns the comparison into one index probe per listed submission.
-- The expression must stay the same as in flagLikelyDuplicates (lib/data/submissions.ts).
CREATE INDEX "Submission_bodyStart_createdAt_idx" ON "Submission" ((left(regexp_replace(left("bodyText", 120), '\s+', '', 'g'), 60)), "createdAt");
