-- CreateEnum
CREATE TYPE "ContentsStyle" AS ENUM ('HEADLINES', 'SECTIONS');

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "contentsStyle" "ContentsStyle" NOT NULL DEFAULT 'HEADLINES';
