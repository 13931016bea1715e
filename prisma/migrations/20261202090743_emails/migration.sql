-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('SENT', 'DELIVERY_DELAYED', 'DELIVERED', 'COMPLAINED', 'BOUNCED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_REMINDER';
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_MOVED';
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_CANCELLED';
ALTER TYPE "OutboxKind" ADD VALUE 'STAFF_BOOKING_MOVED';
ALTER TYPE "OutboxKind" ADD VALUE 'STAFF_BOOKING_CANCELLED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxStatus" ADD VALUE 'SENDING';
ALTER TYPE "OutboxStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "manageTokenHash" TEXT,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deliveryStatusAt" TIMESTAMPTZ(3),
ADD COLUMN     "inviteSequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "leaseToken" UUID,
ADD COLUMN     "previousStartsAt" TIMESTAMPTZ(3),
ADD COLUMN     "slotEndsAt" TIMESTAMPTZ(3),
ADD COLUMN     "slotStartsAt" TIMESTAMPTZ(3),
DROP COLUMN "deliveryStatus",
ADD COLUMN     "deliveryStatus" "DeliveryStatus";

-- CreateTable
CREATE TABLE "MailboxMessage" (
    "id" UUID NOT NULL,
    "outboxId" UUID NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT[],
    "replyTo" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailEvent" (
    "id" TEXT NOT NULL,
    "outboxId" UUID NOT NULL,
    "type" "DeliveryStatus" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailboxMessage_outboxId_key" ON "MailboxMessage"("outboxId");

-- CreateIndex
CREATE INDEX "MailboxMessage_createdAt_idx" ON "MailboxMessage"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "EmailEvent_outboxId_occurredAt_idx" ON "EmailEvent"("outboxId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_manageTokenHash_key" ON "Booking"("manageTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_providerMessageId_key" ON "OutboxMessage"("providerMessageId");

-- AddForeignKey
ALTER TABLE "MailboxMessage" ADD CONSTRAINT "MailboxMessage_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailEvent" ADD CONSTRAINT "EmailEvent_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
