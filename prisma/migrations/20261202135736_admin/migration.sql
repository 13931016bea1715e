-- CreateExtension (kept by hand: schema.prisma does not declare it, see there)
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "Lead_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "ip" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "ownerId" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Lead_createdAt_id_idx" ON "Lead"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Lead_ownerId_createdAt_idx" ON "Lead"("ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Lead_topic_createdAt_idx" ON "Lead"("topic", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Lead_fullName_trgm_idx" ON "Lead" USING GIN ("fullName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_email_trgm_idx" ON "Lead" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_company_trgm_idx" ON "Lead" USING GIN ("company" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_message_trgm_idx" ON "Lead" USING GIN ("message" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
