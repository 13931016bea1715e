import { randomBytes } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "./generated/client";
import { openDatabase, type Database } from "./open-database";

export type TestDatabase = Database & { url?: string; destroy(): Promise<void> };

/**
 * A migrated database of its own for one test file: a new database on the PostgreSQL server at
 * DATABASE_URL (dropped by destroy), or an in-memory embedded one when DATABASE_URL is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = openDatabase({ kind: "embedded", dataDir: "memory://" });
    await database.migrate();
    return { ...database, destroy: () => database.close() };
  }
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 25 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async destroy() {
      await database.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Whether a session on this database waits for another's lock now (PostgreSQL): for tests that stage a race. */
export async function someoneWaitsForALock(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row!.n > 0n;
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
