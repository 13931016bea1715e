import { v7 as uuidv7 } from "uuid";
import { Prisma, type PrismaClient } from "../db/generated/client";
import type { Attribution } from "./attribution";
import type { BookingForm } from "./booking-form-schema";
import type { Slot } from "./generate-slots";
import { chooseConsultantSql, withConsultantSql } from "./choose-consultant-sql";
import { currentRequestId } from "../http/request-context";
import { countHitSql, type RateLimitRule } from "../rate-limit/rate-limit";

export type BookingRow = {
  reference: string;
  formToken: string;
  form: BookingForm;
  slot: Slot;
  timeZone: string;
  attribution: Attribution;
  spam: boolean;
  bookingId: string;
  manageTokenHash: string;
  /** The consultants free for the slot, one of whom gets it; empty: the firm's own booking. */
  consultantIds: string[];
  /** The staff list, one recipient field ("a@x.com, b@y.com"). */
  staffRecipients: string;
  /** When the reminder is due; null for none. */
  remindAt: Date | null;
  rateLimit: { key: string; rule: RateLimitRule; now: Date };
};

export type InsertResult = { inserted: true } | { inserted: false; retryAfterSeconds: number };

/**
 * Counts the client's booking against its rate limit and, if it is within it, assigns it to one of
 * the free consultants (round robin: the fewest calls in the coming 14 days, then the one booked
 * least recently), who becomes the lead's owner, writes the lead, its booking and the outbox rows
 * it owes (the confirmation, the notice to staff and the consultant, the reminder due before the
 * call, the event for the consultant's CalDAV calendar), and wakes the outbox workers: one
 * statement, so one round trip and atomic (a refused booking leaves no row and no count). The same rows Prisma's nested create would write;
 * this is the booking's hot path, and one statement holds a connection a fraction as long.
 * Throws the database's error when a constraint refuses the write (taken slot, repeated form token):
 * a consultant booked by someone else a moment ago is caught there, and the caller asks again.
 */
export async function insertBooking(db: PrismaClient, row: BookingRow): Promise<InsertResult> {
  const { form, attribution, slot, rateLimit } = row;
  const expiresAt = new Date(rateLimit.now.getTime() + rateLimit.rule.windowSeconds * 1000);
  const leadId = uuidv7();
  const requestId = currentRequestId();
  const [result] = await db.$queryRaw<Array<{ hits: number; expiresAt: Date; leadId: string | null }>>`
    WITH bucket AS (
      ${countHitSql(rateLimit.key, rateLimit.rule, rateLimit.now)}
      RETURNING "hits", "expiresAt"
    ),
    chosen AS (${chooseConsultantSql(row.consultantIds)}),
    consultant AS (SELECT "id", "email" FROM "User" WHERE "id" = (SELECT "id" FROM chosen)),
    lead AS (
      INSERT INTO "Lead" ("id", "reference", "formToken", "status", "fullName", "email", "company", "jobRole", "phone",
        "companySize", "topic", "message", "timeZone", "consentAt", "utmSource", "utmMedium", "utmCampaign", "utmTerm",
        "utmContent", "gclid", "referrer", "landingPage", "ownerId", "updatedAt")
      SELECT ${leadId}::uuid, ${row.reference}, ${row.formToken}, ${row.spam ? "SPAM" : "NEW"}::"LeadStatus", ${form.fullName},
        ${form.email}, ${form.company}, ${form.jobRole ?? null}, ${form.phone ?? null}, ${form.companySize}::"CompanySize",
        ${form.topic}::"Topic", ${form.message ?? null}, ${row.timeZone}, now(), ${attribution.utmSource ?? null},
        ${attribution.utmMedium ?? null}, ${attribution.utmCampaign ?? null}, ${attribution.utmTerm ?? null},
        ${attribution.utmContent ?? null}, ${attribution.gclid ?? null}, ${attribution.referrer ?? null},
        ${attribution.landingPage ?? null}, chosen."id", now()
      FROM bucket, chosen WHERE bucket."hits" <= ${rateLimit.rule.limit}
      RETURNING "id", "ownerId"
    ),
    booking AS (
      INSERT INTO "Booking" ("id", "leadId", "startsAt", "endsAt", "status", "manageTokenHash", "consultantId")
      SELECT ${row.bookingId}::uuid, lead."id", ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, ${row.spam ? "CANCELLED" : "CONFIRMED"}::"BookingStatus",
        ${row.spam ? null : row.manageTokenHash}, lead."ownerId"
      FROM lead
    ),
    outbox AS (
      INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "calendarId", "slotStartsAt", "slotEndsAt", "nextAttemptAt", "requestId", "updatedAt")
      SELECT email."id", lead."id", email."kind"::"OutboxKind", email."recipient", NULL::uuid, ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, email."due", ${requestId}, now()
      FROM lead, (VALUES (${uuidv7()}::uuid, 'BOOKING_CONFIRMATION', ${form.email}, now()),
                         (${uuidv7()}::uuid, 'STAFF_NOTIFICATION', ${withConsultantSql(row.staffRecipients, Prisma.sql`SELECT "email" FROM consultant`)}, now()),
                         (${uuidv7()}::uuid, 'BOOKING_REMINDER', ${form.email}, ${row.remindAt}::timestamptz)) AS email ("id", "kind", "recipient", "due")
      WHERE NOT ${row.spam} AND email."due" IS NOT NULL
      UNION ALL
      SELECT gen_random_uuid(), lead."id", 'CALENDAR_EVENT'::"OutboxKind", consultant."email", calendar."id", ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, now(), ${requestId}, now()
      FROM lead JOIN consultant ON consultant."id" = lead."ownerId"
        JOIN "Calendar" AS calendar ON calendar."consultantId" = consultant."id" AND calendar."kind" = 'CALDAV' AND calendar."writeBookings"
      WHERE NOT ${row.spam}
      RETURNING 1
    ),
    wake AS (SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM outbox LIMIT 1) AS written)
    SELECT bucket."hits", bucket."expiresAt", (SELECT "id" FROM lead)::text AS "leadId", (SELECT count(*) FROM wake) AS "woke"
    FROM bucket`;
  if (result?.leadId) return { inserted: true };
  const waitMs = (result?.expiresAt.getTime() ?? expiresAt.getTime()) - rateLimit.now.getTime();
  return { inserted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
