import path from "node:path";
import { createPGlite } from "./create-pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { statementName } from "./statement-name";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyMigrations } from "./apply-migrations";
import { lockDataDir } from "./data-dir-lock";
import { PrismaClient } from "./generated/client";
import { readMigrationFiles } from "./migration-files";
import { listenOnPostgres } from "./listen-on-postgres";
import { pgliteSession, pgSession } from "./sql-session";
import { loggerFor } from "../log/logger";

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "embedded"; dataDir: string } // a directory, or "memory://" for a throwaway database
  ;

export type Database = {
  kind: DatabaseOptions["kind"];
  prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  /**
   * Calls `onNotify` after each commit that ran `pg_notify(channel, …)`; resolves once listening.
   * Returns a function that stops listening. On PostgreSQL a dropped connection is reopened.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export function openDatabase(options: DatabaseOptions): Database {
  return options.kind === "postgres" ? openPostgres(options.url, options.poolSize) : openEmbedded(options.dataDir);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle connection the server closes (a restart, a failover, an admin's terminate) is dropped
  // from the pool and replaced on next use; unheard, the pool's "error" event would end the process.
  pool.on("error", (error) => loggerFor("db").warn({ err: error }, "an idle connection was closed"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: statementName }) });
  return {
    kind: "postgres",
    prisma,
    async migrate() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await applyMigrations(pgSession(client), await readMigrationFiles());
      } finally {
        await client.end();
      }
    },
    listen: (channel, onNotify) => listenOnPostgres(url, channel, onNotify),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function openEmbedded(dataDir: string): Database {
  const inMemory = dataDir.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  const pglite = createPGlite(inMemory ? dataDir : path.join(dataDir, "pglite"));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    migrate: async () => applyMigrations(pgliteSession(pglite), await readMigrationFiles()),
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}
