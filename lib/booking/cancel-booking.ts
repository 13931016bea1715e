import { v7 as uuidv7 } from "uuid";
import { Prisma, type PrismaClient } from "../db/generated/client";
import type { BookingSettings } from "./booking-settings";
import { withConsultantSql } from "./choose-consultant-sql";
import { currentRequestId } from "../http/request-context";
import { loggerFor } from "../log/logger";
import { hashManageToken } from "./manage-token";

export type CancelOutcome = { kind: "cancelled" } | { kind: "not-cancellable" };

/**
 * Cancels a booking in one statement: the time is free for others at once (the exclusion
 * constraint covers only confirmed bookings), the pending reminder is withdrawn, and the
 * prospect's METHOD:CANCEL invite (SEQUENCE one higher), the notice to staff and the consultant,
 * and the removal of the call from the consultant's CalDAV calendar are queued.
 */
export async function cancelBooking(db: PrismaClient, token: string, settings: Pick<BookingSettings, "staffEmails">, now = new Date()): Promise<CancelOutcome> {
  const requestId = currentRequestId();
  const [result] = await db.$queryRaw<Array<{ cancelled: bigint }>>`
    WITH cancelled AS (
      UPDATE "Booking" SET "status" = 'CANCELLED', "cancelledAt" = now(), "sequence" = "sequence" + 1, "updatedAt" = now()
      WHERE "manageTokenHash" = ${hashManageToken(token)} AND "status" = 'CONFIRMED' AND "startsAt" > ${now}
      RETURNING "leadId", "sequence", "startsAt", "endsAt", "consultantId"
    ),
    withdrawn AS (
      UPDATE "OutboxMessage" SET "status" = 'WITHDRAWN', "lastError" = 'the call was cancelled', "updatedAt" = now()
      WHERE "leadId" IN (SELECT "leadId" FROM cancelled) AND "kind" = 'BOOKING_REMINDER' AND "status" = 'PENDING'
      RETURNING 1
    ),
    outbox AS (
      INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "calendarId", "slotStartsAt", "slotEndsAt", "inviteSequence", "requestId", "updatedAt")
      SELECT email."id", cancelled."leadId", email."kind"::"OutboxKind",
        CASE WHEN email."toStaff" THEN ${withConsultantSql(settings.staffEmails.join(", "), Prisma.sql`SELECT "email" FROM "User" WHERE "id" = cancelled."consultantId"`)} ELSE lead."email" END,
        NULL::uuid, cancelled."startsAt", cancelled."endsAt", cancelled."sequence", ${requestId}, now()
      FROM cancelled JOIN "Lead" AS lead ON lead."id" = cancelled."leadId",
        (VALUES (${uuidv7()}::uuid, 'BOOKING_CANCELLED', false), (${uuidv7()}::uuid, 'STAFF_BOOKING_CANCELLED', true)) AS email ("id", "kind", "toStaff")
      UNION ALL
      SELECT gen_random_uuid(), cancelled."leadId", 'CALENDAR_EVENT'::"OutboxKind", consultant."email", calendar."id",
        cancelled."startsAt", cancelled."endsAt", cancelled."sequence", ${requestId}, now()
      FROM cancelled JOIN "Calendar" AS calendar ON calendar."consultantId" = cancelled."consultantId" AND calendar."kind" = 'CALDAV' AND calendar."writeBookings"
        JOIN "User" AS consultant ON consultant."id" = calendar."consultantId"
      RETURNING 1
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("id", "leadId", "action", "detail")
      SELECT ${uuidv7()}::uuid, cancelled."leadId", 'booking.cancelled_by_prospect', jsonb_build_object('startsAt', cancelled."startsAt") FROM cancelled
    ),
    wake AS (SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM outbox LIMIT 1) AS written)
    SELECT (SELECT count(*) FROM cancelled) AS "cancelled", (SELECT count(*) FROM withdrawn) AS "withdrawn", (SELECT count(*) FROM wake) AS "woke"`;
  const cancelled = Number(result?.cancelled) === 1;
  if (cancelled) loggerFor("booking").info("booking cancelled");
  return cancelled ? { kind: "cancelled" } : { kind: "not-cancellable" };
}
