-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);
