// The baseline: the rows one booking writes, written by node-postgres directly. The same
// rate-limit upsert as the app, then BEGIN; INSERT Lead; INSERT Booking; INSERT three OutboxMessage
// rows and pg_notify('outbox', ''); COMMIT. Parameterised statements, as the app's driver sends them.
import { createHash, randomInt, randomUUID } from "node:crypto";

const RATE_LIMIT_UPSERT = `
  INSERT INTO "RateLimitBucket" ("key", "hits", "expiresAt") VALUES ($1, 1, $2)
  ON CONFLICT ("key") DO UPDATE SET
    "hits" = CASE WHEN "RateLimitBucket"."expiresAt" <= $3 THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
    "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= $3 THEN EXCLUDED."expiresAt" ELSE "RateLimitBucket"."expiresAt" END
  RETURNING "hits", "expiresAt"`;

const INSERT_LEAD = `
  INSERT INTO "Lead" ("id", "reference", "formToken", "status", "fullName", "email", "company", "jobRole", "phone",
    "companySize", "topic", "message", "timeZone", "consentAt", "updatedAt")
  VALUES ($1, $2, $3, 'NEW', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`;

const INSERT_BOOKING = `
  INSERT INTO "Booking" ("id", "leadId", "startsAt", "endsAt", "status", "manageTokenHash") VALUES ($1, $2, $3, $4, 'CONFIRMED', $5)`;

// As the app's: the confirmation and staff's notice due now, the reminder 24 hours before the call,
// and a notification that wakes the outbox workers at commit. The app's worker sends these too.
const INSERT_OUTBOX = `
  WITH outbox AS (
    INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "slotStartsAt", "slotEndsAt", "nextAttemptAt", "updatedAt")
    VALUES ($1, $2, 'BOOKING_CONFIRMATION', $3, $6, $7, $8, $8),
           ($4, $2, 'STAFF_NOTIFICATION', 'hello@smallbusiness.management', $6, $7, $8, $8),
           ($5, $2, 'BOOKING_REMINDER', $3, $6, $7, $9, $8)
    RETURNING 1
  )
  SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM outbox LIMIT 1) AS written`;

const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const reference = () => `OPS-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(32)]).join("")}`;

/** One baseline booking of [startsAt, endsAt) for the client at `ip`; resolves when committed. */
export async function baselineBooking(pool, { index, ip, startsAt, endsAt, rateWindowSeconds = 600 }) {
  const now = new Date();
  await pool.query(RATE_LIMIT_UPSERT, [`booking:${ip}`, new Date(now.getTime() + rateWindowSeconds * 1000), now]);

  // A reference code already taken (one in about 10^5 at the bench's sizes) is drawn again, as the app does.
  for (let attempt = 1; ; attempt++) {
    try {
      await bookOnce(pool, { index, startsAt, endsAt, now });
      break;
    } catch (error) {
      if (!(error.code === "23505" && error.constraint === "Lead_reference_key" && attempt < 6)) throw error;
    }
  }
  return { ok: true };
}

async function bookOnce(pool, { index, startsAt, endsAt, now }) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const leadId = randomUUID();
    const email = `baseline-${index}@example.com`;
    await client.query(INSERT_LEAD, [
      leadId, reference(), `${now.getTime().toString(36)}.${randomUUID()}`, `Bench Client ${index}`, email, "Bench Holdings",
      "COO", "+1 212 555 0100", "SIZE_51_200", "OPERATIONS_STRATEGY", "A benchmark booking.", "America/New_York", now,
    ]);
    const manageTokenHash = createHash("sha256").update(randomUUID()).digest("hex");
    await client.query(INSERT_BOOKING, [randomUUID(), leadId, startsAt, endsAt, manageTokenHash]);
    const remindAt = new Date(startsAt.getTime() - 24 * 3_600_000);
    await client.query(INSERT_OUTBOX, [randomUUID(), leadId, email, randomUUID(), randomUUID(), startsAt, endsAt, now, remindAt]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
