-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ISSUE_SUBMITTED', 'ISSUE_RETURNED', 'ISSUE_APPROVED', 'ISSUE_PUBLISHED', 'COMMENT_ADDED', 'SUGGESTION_ADDED', 'SUBMISSION_RECEIVED', 'SUBMISSION_ADOPTED', 'SUBMISSION_RETURNED', 'SUBMISSION_DECLINED', 'REQUEST_SENT', 'REQUEST_OVERDUE');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DISTRICT', 'SOCIETY', 'AFFILIATE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'ADOPTED', 'MERGED', 'RETURNED', 'DECLINED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REPORTER';

-- AlterTable
ALTER TABLE "ArchiveItem" ADD COLUMN     "publicationId" INTEGER;
UPDATE "ArchiveItem" a SET "publicationId" = i."publicationId" FROM "Issue" i WHERE i."id" = a."issueId";
ALTER TABLE "ArchiveItem" ALTER COLUMN "publicationId" SET NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "unitId" INTEGER;

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
CREATE INDEX "ArchiveItem_publicationId_issueDate_totalNumber_position_idx" ON "ArchiveItem"("publicationId", "issueDate" DESC, "totalNumber" DESC, "position");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveItem" ADD CONSTRAINT "ArchiveItem_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

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
