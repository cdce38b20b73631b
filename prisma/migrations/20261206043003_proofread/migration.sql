-- CreateEnum
CREATE TYPE "GlossaryKind" AS ENUM ('PERSON', 'PREFERRED', 'AVOID');

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

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryEntry_kind_term_key" ON "GlossaryEntry"("kind", "term");

-- CreateIndex
CREATE UNIQUE INDEX "ProofreadIgnore_itemId_key_key" ON "ProofreadIgnore"("itemId", "key");

-- AddForeignKey
ALTER TABLE "ProofreadIgnore" ADD CONSTRAINT "ProofreadIgnore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
