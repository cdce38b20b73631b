-- AlterEnum
ALTER TYPE "IssueEventType" ADD VALUE 'CORRECTED';
