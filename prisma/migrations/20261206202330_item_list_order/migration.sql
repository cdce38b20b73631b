-- The item list (稿件) shows the newest change first, by updatedAt and then id: an index in
-- exactly that order lets a page stop after its rows, also among items saved at the same moment.

-- DropIndex
DROP INDEX "Item_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Item_updatedAt_id_idx" ON "Item"("updatedAt" DESC, "id" DESC);
