-- CreateIndex
CREATE INDEX "Issue_publicationId_status_year_totalNumber_idx" ON "Issue"("publicationId", "status", "year" DESC, "totalNumber" DESC);
