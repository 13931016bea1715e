import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type OwnDatabase = {
  /** The settings that point a server (startServer's env) at this database. */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** PostgreSQL's URL; undefined on the embedded database. */
  url?: string;
  drop: () => Promise<void>;
};

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty database for one test's servers: a new one on the tests' PostgreSQL server
 * (DATABASE_URL), or a new embedded data folder when there is none. The servers migrate it.
 */
export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), `e2e-${label}-`));
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `e2e_${label.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
