import { z } from "zod";
import type { DeliveryStatus, PrismaClient } from "../db/generated/client";

const STATUS_BY_EVENT: Record<string, DeliveryStatus> = {
  "email.sent": "SENT",
  "email.delivery_delayed": "DELIVERY_DELAYED",
  "email.delivered": "DELIVERED",
  "email.complained": "COMPLAINED",
  "email.bounced": "BOUNCED",
};

// Only what PostgreSQL can store: a four-digit year (a JavaScript date reaches ±275,760, past its
// range) and a message id of printable ASCII (no NUL), as Resend's UUIDs are.
const deliveryEventSchema = z.object({
  type: z.string(),
  created_at: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  data: z
    .object({
      email_id: z.string().max(200).regex(/^[\x20-\x7e]*$/).optional(),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

export type RecordedAs = "recorded" | "repeated" | "unknown-message" | "not-a-delivery-event";

/**
 * Records one verified Resend event against the email it is about: found by the outbox id we tag
 * every send with, else by Resend's message id. The event's id makes a repeat a no-op, and the
 * status only ever moves up the enum's order (SENT < DELIVERY_DELAYED < DELIVERED < COMPLAINED <
 * BOUNCED), so a late "delivered" never hides a "bounced".
 */
export async function recordDeliveryEvent(db: PrismaClient, eventId: string, payload: unknown): Promise<RecordedAs> {
  const event = deliveryEventSchema.safeParse(payload);
  if (!event.success) return "not-a-delivery-event";
  const status = STATUS_BY_EVENT[event.data.type];
  if (!status) return "not-a-delivery-event";
  const taggedId = z.uuid().safeParse(event.data.data?.tags?.outbox_id).data ?? null;
  const providerId = event.data.data?.email_id ?? null;
  const occurredAt = event.data.created_at;
  const [result] = await db.$queryRaw<Array<{ found: boolean; inserted: boolean }>>`
    WITH target AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE "id" = ${taggedId}::uuid OR "providerMessageId" = ${providerId}
      ORDER BY ("id" = ${taggedId}::uuid) DESC NULLS LAST
      LIMIT 1
    ),
    event AS (
      INSERT INTO "EmailEvent" ("id", "outboxId", "type", "occurredAt")
      SELECT ${eventId}, target."id", ${status}::"DeliveryStatus", ${occurredAt} FROM target
      ON CONFLICT ("id") DO NOTHING
      RETURNING "outboxId"
    ),
    raised AS (
      UPDATE "OutboxMessage" SET "deliveryStatus" = ${status}::"DeliveryStatus", "deliveryStatusAt" = ${occurredAt}
      WHERE "id" IN (SELECT "outboxId" FROM event)
        AND ("deliveryStatus" IS NULL OR "deliveryStatus" < ${status}::"DeliveryStatus")
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM target) AS "found", EXISTS (SELECT 1 FROM event) AS "inserted", (SELECT count(*) FROM raised) AS "raised"`;
  if (!result?.found) return "unknown-message";
  return result.inserted ? "recorded" : "repeated";
}
