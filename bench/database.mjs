// The bench's own PostgreSQL database: created fresh for each run and dropped at the end.
import pg from "pg";

export const databaseUrl = (adminUrl, name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const createDatabase = (adminUrl, name) => withClient(adminUrl, (db) => db.query(`CREATE DATABASE "${name}"`));
export const dropDatabase = (adminUrl, name) => withClient(adminUrl, (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
export const serverVersion = (adminUrl) => withClient(adminUrl, async (db) => (await db.query("SHOW server_version")).rows[0].server_version);

const HOLD = "BENCH-HOLD";

/**
 * Covers every slot with one placeholder booking, so /book renders an empty slot list while the
 * bench collects its forms: the form (and its token) is the same, but rendering thousands of
 * slot radios per GET would make collecting a thousand forms take minutes.
 */
export const holdAllSlots = (url, days) =>
  withClient(url, async (db) => {
    await db.query(
      `INSERT INTO "Lead" ("id", "reference", "formToken", "fullName", "email", "company", "companySize", "topic", "timeZone", "consentAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $1, 'Bench hold', 'hold@example.com', 'Bench', 'SIZE_1_10', 'OTHER', 'UTC', now(), now())`,
      [HOLD],
    );
    await db.query(
      `INSERT INTO "Booking" ("id", "leadId", "startsAt", "endsAt", "status")
       SELECT gen_random_uuid(), "id", now() - interval '1 day', now() + make_interval(days => $2), 'CONFIRMED' FROM "Lead" WHERE "reference" = $1`,
      [HOLD, days],
    );
  });

/** Removes the placeholder (its booking goes with it) and tidies the tables before timing starts. */
export const releaseAllSlots = (url) =>
  withClient(url, async (db) => {
    await db.query(`DELETE FROM "Lead" WHERE "reference" = $1`, [HOLD]);
    await db.query(`VACUUM ANALYZE "Lead", "Booking", "OutboxMessage", "RateLimitBucket"`);
  });

// Per lead: exactly one confirmation and one staff notification (the emails due at once), at most
// one reminder (none for a call within 24 hours), and nothing else.
const OUTBOX_PER_LEAD = `
  (SELECT count(*) FILTER (WHERE o."kind" = 'BOOKING_CONFIRMATION') = 1 AND count(*) FILTER (WHERE o."kind" = 'STAFF_NOTIFICATION') = 1
          AND count(*) FILTER (WHERE o."kind" = 'BOOKING_REMINDER') <= 1 AND count(*) FILTER (WHERE o."kind" NOT IN ('BOOKING_CONFIRMATION', 'STAFF_NOTIFICATION', 'BOOKING_REMINDER')) = 0
   FROM "OutboxMessage" o WHERE o."leadId" = l."id")`;

/** What the run left in the database, per writer (app leads are app-N@…, baseline leads baseline-N@…). */
export const countRows = (url, appReferences) =>
  withClient(url, async (db) => {
    const { rows } = await db.query(
      `SELECT split_part(l."email", '-', 1) AS writer,
              count(*)::int AS leads,
              count(*) FILTER (WHERE l."status" = 'SPAM')::int AS spam,
              count(b."id") FILTER (WHERE b."status" = 'CONFIRMED')::int AS "confirmedBookings",
              count(*) FILTER (WHERE NOT ${OUTBOX_PER_LEAD})::int AS "leadsWithWrongOutboxRows",
              sum((SELECT count(*) FROM "OutboxMessage" o WHERE o."leadId" = l."id" AND o."kind" = 'BOOKING_REMINDER'))::int AS reminders
       FROM "Lead" l LEFT JOIN "Booking" b ON b."leadId" = l."id"
       GROUP BY 1 ORDER BY 1`,
    );
    const found = await db.query(`SELECT count(*)::int AS n FROM "Lead" WHERE "reference" = ANY($1)`, [appReferences]);
    const outbox = await db.query(`SELECT "status", count(*)::int AS n FROM "OutboxMessage" GROUP BY 1 ORDER BY 1`);
    return {
      byWriter: Object.fromEntries(rows.map(({ writer, ...counts }) => [writer, counts])),
      appReferencesFound: found.rows[0].n,
      outboxByStatus: Object.fromEntries(outbox.rows.map(({ status, n }) => [status, n])),
    };
  });

/** Of these bookings' leads, how many lack their confirmation or staff notification row (or have extra rows). */
export const leadsWithWrongOutboxRows = (url, references) =>
  withClient(url, async (db) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS leads, count(*) FILTER (WHERE NOT ${OUTBOX_PER_LEAD})::int AS wrong FROM "Lead" l WHERE l."reference" = ANY($1)`,
      [references],
    );
    return rows[0];
  });

/**
 * Clears the worker's backlog before the latency stage: every row still waiting is marked WITHDRAWN
 * (the bench's own doing, said in lastError), then this waits for the rows the worker holds to settle.
 * Resolves with how many were withdrawn and how many rows were still held when it gave up.
 */
export const clearOutboxBacklog = (url, { timeoutMs }) =>
  withClient(url, async (db) => {
    const deadline = Date.now() + timeoutMs;
    let withdrawn = 0;
    for (;;) {
      const result = await db.query(
        `UPDATE "OutboxMessage" SET "status" = 'WITHDRAWN', "lastError" = 'withdrawn by the bench before its latency stage', "updatedAt" = now()
         WHERE "status" = 'PENDING'`,
      );
      withdrawn += result.rowCount;
      const held = (await db.query(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "status" = 'SENDING'`)).rows[0].n;
      if ((held === 0 && result.rowCount === 0) || Date.now() > deadline) return { withdrawn, held };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

/** A booking's commit time (its lead's createdAt) and the ids of its confirmation and staff notification rows, if it has both. */
export const bookingEmails = (url, reference) =>
  withClient(url, async (db) => {
    const { rows } = await db.query(
      `SELECT l."createdAt", o."id", o."kind" FROM "Lead" l JOIN "OutboxMessage" o ON o."leadId" = l."id"
       WHERE l."reference" = $1 AND o."kind" IN ('BOOKING_CONFIRMATION', 'STAFF_NOTIFICATION')`,
      [reference],
    );
    return rows.length === 2 ? { createdAt: rows[0].createdAt, outboxIds: rows.map((row) => row.id) } : undefined;
  });
