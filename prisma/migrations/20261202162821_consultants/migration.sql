-- CreateEnum
CREATE TYPE "CalendarKind" AS ENUM ('ICS_FEED', 'CALDAV');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'CALENDAR_EVENT';
ALTER TYPE "OutboxKind" ADD VALUE 'CALENDAR_SYNC_FAILED';

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "consultantId" UUID;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "calendarId" UUID;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dayEnd" TEXT,
ADD COLUMN     "dayStart" TEXT,
ADD COLUMN     "takesCalls" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timeZone" TEXT,
ADD COLUMN     "workingDays" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Calendar" (
    "id" UUID NOT NULL,
    "consultantId" UUID NOT NULL,
    "kind" "CalendarKind" NOT NULL,
    "label" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "writeBookings" BOOLEAN NOT NULL DEFAULT false,
    "version" TEXT,
    "busyUntil" TIMESTAMPTZ(3),
    "nextSyncAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "syncLeaseExpiresAt" TIMESTAMPTZ(3),
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "failingSince" TIMESTAMPTZ(3),
    "alertedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusyInterval" (
    "id" BIGSERIAL NOT NULL,
    "calendarId" UUID NOT NULL,
    "consultantId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BusyInterval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Calendar_consultantId_idx" ON "Calendar"("consultantId");

-- CreateIndex
CREATE INDEX "Calendar_nextSyncAt_idx" ON "Calendar"("nextSyncAt");

-- CreateIndex
CREATE INDEX "BusyInterval_consultantId_startsAt_idx" ON "BusyInterval"("consultantId", "startsAt");

-- CreateIndex
CREATE INDEX "BusyInterval_calendarId_idx" ON "BusyInterval"("calendarId");

-- CreateIndex
CREATE INDEX "Booking_consultantId_startsAt_idx" ON "Booking"("consultantId", "startsAt");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "Calendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Calendar" ADD CONSTRAINT "Calendar_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusyInterval" ADD CONSTRAINT "BusyInterval_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "Calendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: no consultant double booked. The firm's own bookings (no consultant) keep the one
-- rule they had, all of them against each other; each consultant's are checked against their own.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "Booking" DROP CONSTRAINT "Booking_no_overlap";
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_no_overlap"
  EXCLUDE USING gist ((COALESCE("consultantId", '00000000-0000-0000-0000-000000000000'::uuid)) WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" = 'CONFIRMED');
