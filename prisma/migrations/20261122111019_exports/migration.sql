-- CreateEnum
CREATE TYPE "ExportFormat" AS ENUM ('PDF', 'DOCX');

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

-- CreateIndex
CREATE UNIQUE INDEX "IssueExport_issueId_format_key" ON "IssueExport"("issueId", "format");

-- AddForeignKey
ALTER TABLE "IssueExport" ADD CONSTRAINT "IssueExport_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
