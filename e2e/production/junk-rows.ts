import path from "node:path";
import pg from "pg";
import { createPGlite } from "../../lib/db/create-pglite";
import type { OwnDatabase } from "./own-database";

// Every row the flood could leave, counted per table of the public schema. Two tables are split
// by what their rows are for, because one kind of row is written on purpose by a refused request:
// a refused sign-in is audited ("sign-in.failed", or "sign-in.throttled" past the limit) and
// counted against its account and address ("sign-in:" rate-limit buckets), so staff can see an
// attack on an account and the throttle can stop it. Every other count must not change.

export type RowCounts = Record<string, number>;

/** The counts that refused sign-ins may raise; every other must stay as it was. */
export const SIGN_IN_RECORDS = ["AuditEvent: sign-in refusals", "RateLimitBucket: sign-in"];

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

async function countWith(query: Query): Promise<RowCounts> {
  const tables = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: RowCounts = {};
  for (const { tablename } of tables) {
    const [row] = await query(`SELECT count(*)::int AS n FROM "${String(tablename)}"`);
    counts[String(tablename)] = Number(row!.n);
  }
  const [audit] = await query(`SELECT count(*) FILTER (WHERE "action" IN ('sign-in.failed', 'sign-in.throttled'))::int AS refusals, count(*)::int AS n FROM "AuditEvent"`);
  counts["AuditEvent: sign-in refusals"] = Number(audit!.refusals);
  counts.AuditEvent = Number(audit!.n) - Number(audit!.refusals);
  const [buckets] = await query(`SELECT count(*) FILTER (WHERE "key" LIKE 'sign-in:%')::int AS sign_in, count(*)::int AS n FROM "RateLimitBucket"`);
  counts["RateLimitBucket: sign-in"] = Number(buckets!.sign_in);
  counts.RateLimitBucket = Number(buckets!.n) - Number(buckets!.sign_in);
  return counts;
}

/** Runs `work` with a query function on the test's database; on the embedded one, only while no server has it open. */
export async function withDatabase<T>(database: OwnDatabase, work: (query: Query) => Promise<T>): Promise<T> {
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }
  const pglite = createPGlite(path.join(database.env.DATA_DIR!, "pglite"));
  try {
    return await work(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await pglite.close();
  }
}

export const countRows = (database: OwnDatabase) => withDatabase(database, countWith);
