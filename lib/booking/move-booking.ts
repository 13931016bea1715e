import { addMinutes } from "date-fns";
import { v7 as uuidv7 } from "uuid";
import type { PrismaClient } from "../db/generated/client";
import { isExclusionViolation } from "../db/prisma-errors";
import type { BookingSettings } from "./booking-settings";
import type { Slot } from "./generate-slots";
import { hashManageToken } from "./manage-token";
import { isOfferedSlot, nearestOpenSlots } from "./offered-slots";
import { reminderDueAt } from "./reminder-due-at";

export type MoveOutcome =
  | { kind: "moved"; slot: Slot }
  | { kind: "unchanged" }
  | { kind: "slot-taken"; nearest: Slot[] }
  | { kind: "slot-unavailable"; nearest: Slot[] }
  /** Cancelled, started, or not a booking at all. */
  | { kind: "not-movable" };

/**
 * Moves a booking to another open time, in one statement: the booking (its invite's SEQUENCE one
 * higher), its pending reminder withdrawn and a new one owed, the prospect's updated invite and
 * staff's notice queued, and the workers woken. The exclusion constraint decides races with other
 * bookings exactly as for a new one.
 */
export async function moveBooking(db: PrismaClient, token: string, startsAt: Date, settings: BookingSettings, now = new Date()): Promise<MoveOutcome> {
  const slot = { startsAt, endsAt: addMinutes(startsAt, settings.availability.slotMinutes) };
  if (!isOfferedSlot(slot, settings, now)) return { kind: "slot-unavailable", nearest: await nearestOpenSlots(db, slot, settings, now) };
  const remindAt = reminderDueAt(slot.startsAt, settings.reminderHoursBefore, now);
  try {
    const [result] = await db.$queryRaw<Array<{ moved: bigint; unchanged: boolean }>>`
      WITH current AS (
        SELECT "id", "leadId", "startsAt" FROM "Booking"
        WHERE "manageTokenHash" = ${hashManageToken(token)} AND "status" = 'CONFIRMED' AND "startsAt" > ${now}
        FOR UPDATE
      ),
      moved AS (
        UPDATE "Booking" AS booking SET "startsAt" = ${slot.startsAt}, "endsAt" = ${slot.endsAt}, "sequence" = booking."sequence" + 1, "updatedAt" = now()
        FROM current WHERE booking."id" = current."id" AND current."startsAt" <> ${slot.startsAt}
        RETURNING booking."leadId", booking."sequence", current."startsAt" AS "previousStartsAt"
      ),
      withdrawn AS (
        UPDATE "OutboxMessage" SET "status" = 'WITHDRAWN', "lastError" = 'the call moved', "updatedAt" = now()
        WHERE "leadId" IN (SELECT "leadId" FROM moved) AND "kind" = 'BOOKING_REMINDER' AND "status" = 'PENDING'
        RETURNING 1
      ),
      outbox AS (
        INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "slotStartsAt", "slotEndsAt", "previousStartsAt", "inviteSequence", "nextAttemptAt", "updatedAt")
        SELECT email."id", moved."leadId", email."kind"::"OutboxKind", CASE WHEN email."toStaff" THEN ${settings.staffEmails.join(", ")} ELSE lead."email" END,
          ${slot.startsAt}, ${slot.endsAt}, moved."previousStartsAt", moved."sequence", email."due", now()
        FROM moved JOIN "Lead" AS lead ON lead."id" = moved."leadId",
          (VALUES (${uuidv7()}::uuid, 'BOOKING_MOVED', false, now()),
                  (${uuidv7()}::uuid, 'STAFF_BOOKING_MOVED', true, now()),
                  (${uuidv7()}::uuid, 'BOOKING_REMINDER', false, ${remindAt}::timestamptz)) AS email ("id", "kind", "toStaff", "due")
        WHERE email."due" IS NOT NULL
        RETURNING 1
      ),
      audit AS (
        INSERT INTO "AuditEvent" ("id", "leadId", "action", "detail")
        SELECT ${uuidv7()}::uuid, moved."leadId", 'booking.moved_by_prospect', jsonb_build_object('from', moved."previousStartsAt", 'to', ${slot.startsAt}::timestamptz)
        FROM moved
      ),
      wake AS (SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM outbox LIMIT 1) AS written)
      SELECT (SELECT count(*) FROM moved) AS "moved", EXISTS (SELECT 1 FROM current WHERE "startsAt" = ${slot.startsAt}) AS "unchanged",
        (SELECT count(*) FROM withdrawn) AS "withdrawn", (SELECT count(*) FROM wake) AS "woke"`;
    if (result?.unchanged) return { kind: "unchanged" };
    return Number(result?.moved) === 1 ? { kind: "moved", slot } : { kind: "not-movable" };
  } catch (error) {
    if (isExclusionViolation(error)) return { kind: "slot-taken", nearest: await nearestOpenSlots(db, slot, settings, now) };
    throw error;
  }
}
