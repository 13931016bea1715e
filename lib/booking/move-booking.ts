import { addMinutes } from "date-fns";
import { v7 as uuidv7 } from "uuid";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { isOverlapConflict } from "../db/prisma-errors";
import type { BookingSettings } from "./booking-settings";
import { chooseConsultantSql, withConsultantSql } from "./choose-consultant-sql";
import type { Slot } from "./generate-slots";
import { currentRequestId } from "../http/request-context";
import { loggerFor } from "../log/logger";
import { hashManageToken } from "./manage-token";
import { nearestOpenSlots, slotAvailability } from "./offered-slots";
import { reminderDueAt } from "./reminder-due-at";

export type MoveOutcome =
  | { kind: "moved"; slot: Slot }
  | { kind: "unchanged" }
  | { kind: "slot-taken"; nearest: Slot[] }
  | { kind: "slot-unavailable"; nearest: Slot[] }
  /** Cancelled, started, or not a booking at all. */
  | { kind: "not-movable" };

const ATTEMPTS = 4;
const log = loggerFor("booking");

/**
 * Moves a booking to another open time, in one statement: the booking (its invite's SEQUENCE one
 * higher), its pending reminder withdrawn and a new one owed, the prospect's updated invite and
 * the notice to staff and the consultant queued, the consultant's calendar brought up to date, and
 * the workers woken. The call stays with its consultant when they are free at the new time; else
 * it goes to another who is (and the lead with it, if it was theirs). The exclusion constraint
 * decides races with other bookings exactly as for a new one.
 */
export async function moveBooking(db: PrismaClient, token: string, startsAt: Date, settings: BookingSettings, now = new Date()): Promise<MoveOutcome> {
  const slot = { startsAt, endsAt: addMinutes(startsAt, settings.availability.slotMinutes) };
  const tokenHash = hashManageToken(token);
  const booking = await db.booking.findUnique({ where: { manageTokenHash: tokenHash }, select: { id: true, status: true, startsAt: true, consultantId: true } });
  if (!booking || booking.status !== "CONFIRMED" || booking.startsAt <= now) return { kind: "not-movable" };
  if (booking.startsAt.getTime() === slot.startsAt.getTime()) return { kind: "unchanged" };

  for (let attempt = 1; ; attempt++) {
    const availability = await slotAvailability(db, slot, settings, now, booking.id);
    if (availability.kind !== "free") {
      const nearest = await nearestOpenSlots(db, slot, settings, now);
      return availability.kind === "taken" ? { kind: "slot-taken", nearest } : { kind: "slot-unavailable", nearest };
    }
    const stays = booking.consultantId !== null && availability.consultantIds.includes(booking.consultantId);
    try {
      const moved = await moveInOneStatement(db, tokenHash, slot, stays ? [booking.consultantId!] : availability.consultantIds, settings, now);
      if (moved) log.info({ bookingId: booking.id }, "booking moved");
      return moved ? { kind: "moved", slot } : { kind: "not-movable" };
    } catch (error) {
      if (!isOverlapConflict(error)) throw error;
      if (attempt >= ATTEMPTS) return { kind: "slot-taken", nearest: await nearestOpenSlots(db, slot, settings, now) };
    }
  }
}

async function moveInOneStatement(db: PrismaClient, tokenHash: string, slot: Slot, consultantIds: string[], settings: BookingSettings, now: Date): Promise<boolean> {
  const remindAt = reminderDueAt(slot.startsAt, settings.reminderHoursBefore, now);
  const staffRecipients = settings.staffEmails.join(", ");
  const requestId = currentRequestId();
  const [result] = await db.$queryRaw<Array<{ moved: bigint }>>`
    WITH current AS (
      SELECT "id", "leadId", "startsAt", "consultantId" FROM "Booking"
      WHERE "manageTokenHash" = ${tokenHash} AND "status" = 'CONFIRMED' AND "startsAt" > ${now} AND "startsAt" <> ${slot.startsAt}
      FOR UPDATE
    ),
    chosen AS (${chooseConsultantSql(consultantIds)}),
    moved AS (
      UPDATE "Booking" AS booking SET "startsAt" = ${slot.startsAt}, "endsAt" = ${slot.endsAt}, "sequence" = booking."sequence" + 1,
        "consultantId" = (SELECT "id" FROM chosen), "updatedAt" = now()
      FROM current WHERE booking."id" = current."id"
      RETURNING booking."leadId", booking."sequence", booking."consultantId", current."startsAt" AS "previousStartsAt", current."consultantId" AS "previousConsultantId"
    ),
    owner AS (
      UPDATE "Lead" AS lead SET "ownerId" = moved."consultantId", "version" = lead."version" + 1, "updatedAt" = now()
      FROM moved WHERE lead."id" = moved."leadId" AND moved."consultantId" IS DISTINCT FROM moved."previousConsultantId"
        AND lead."ownerId" IS NOT DISTINCT FROM moved."previousConsultantId"
    ),
    withdrawn AS (
      UPDATE "OutboxMessage" SET "status" = 'WITHDRAWN', "lastError" = 'the call moved', "updatedAt" = now()
      WHERE "leadId" IN (SELECT "leadId" FROM moved) AND "kind" = 'BOOKING_REMINDER' AND "status" = 'PENDING'
      RETURNING 1
    ),
    outbox AS (
      INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "calendarId", "slotStartsAt", "slotEndsAt", "previousStartsAt", "inviteSequence", "nextAttemptAt", "requestId", "updatedAt")
      SELECT email."id", moved."leadId", email."kind"::"OutboxKind",
        CASE WHEN email."toStaff" THEN ${withConsultantSql(staffRecipients, Prisma.sql`SELECT "email" FROM "User" WHERE "id" = moved."consultantId"`)} ELSE lead."email" END,
        NULL::uuid, ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, moved."previousStartsAt", moved."sequence", email."due", ${requestId}, now()
      FROM moved JOIN "Lead" AS lead ON lead."id" = moved."leadId",
        (VALUES (${uuidv7()}::uuid, 'BOOKING_MOVED', false, now()),
                (${uuidv7()}::uuid, 'STAFF_BOOKING_MOVED', true, now()),
                (${uuidv7()}::uuid, 'BOOKING_REMINDER', false, ${remindAt}::timestamptz)) AS email ("id", "kind", "toStaff", "due")
      WHERE email."due" IS NOT NULL
      UNION ALL
      SELECT gen_random_uuid(), moved."leadId", 'CALENDAR_EVENT'::"OutboxKind", consultant."email", calendar."id", ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz,
        moved."previousStartsAt", moved."sequence", now(), ${requestId}, now()
      FROM moved JOIN "Calendar" AS calendar ON calendar."consultantId" IN (moved."consultantId", moved."previousConsultantId")
          AND calendar."kind" = 'CALDAV' AND calendar."writeBookings"
        JOIN "User" AS consultant ON consultant."id" = calendar."consultantId"
      RETURNING 1
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("id", "leadId", "action", "detail")
      SELECT ${uuidv7()}::uuid, moved."leadId", 'booking.moved_by_prospect',
        jsonb_build_object('from', moved."previousStartsAt", 'to', ${slot.startsAt}::timestamptz, 'consultantId', moved."consultantId")
      FROM moved
    ),
    wake AS (SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM outbox LIMIT 1) AS written)
    SELECT (SELECT count(*) FROM moved) AS "moved", (SELECT count(*) FROM withdrawn) AS "withdrawn", (SELECT count(*) FROM wake) AS "woke"`;
  return Number(result?.moved) === 1;
}
