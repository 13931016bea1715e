// The bench's own PostgreSQL database: created fresh for each run and dropped at the end.
import pg from "pg";

export const databaseUrl = (adminUrl, name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function withClient(url, work) {
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

/** What the run left in the database, per writer (app leads are app-N@…, baseline leads baseline-N@…). */
export const countRows = (url, appReferences) =>
  withClient(url, async (db) => {
    const { rows } = await db.query(
      `SELECT split_part(l."email", '-', 1) AS writer,
              count(*)::int AS leads,
              count(*) FILTER (WHERE l."status" = 'SPAM')::int AS spam,
              count(b."id") FILTER (WHERE b."status" = 'CONFIRMED')::int AS "confirmedBookings",
              count(*) FILTER (WHERE (SELECT count(*) FROM "OutboxMessage" o WHERE o."leadId" = l."id") <> 2)::int AS "leadsWithoutTwoOutboxRows"
       FROM "Lead" l LEFT JOIN "Booking" b ON b."leadId" = l."id"
       GROUP BY 1 ORDER BY 1`,
    );
    const found = await db.query(`SELECT count(*)::int AS n FROM "Lead" WHERE "reference" = ANY($1)`, [appReferences]);
    return { byWriter: Object.fromEntries(rows.map(({ writer, ...counts }) => [writer, counts])), appReferencesFound: found.rows[0].n };
  });
