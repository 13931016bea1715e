import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyMigrations } from "./apply-migrations";
import { lockDataDir } from "./data-dir-lock";
import { PrismaClient } from "./generated/client";
import { readMigrationFiles } from "./migration-files";
import { pgliteSession, pgSession } from "./sql-session";

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "embedded"; dataDir: string } // a directory, or "memory://" for a throwaway database
  ;

export type Database = {
  kind: DatabaseOptions["kind"];
  prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
};

export function openDatabase(options: DatabaseOptions): Database {
  return options.kind === "postgres" ? openPostgres(options.url, options.poolSize) : openEmbedded(options.dataDir);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
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
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function openEmbedded(dataDir: string): Database {
  const inMemory = dataDir.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  const pglite = new PGlite(inMemory ? dataDir : path.join(dataDir, "pglite"));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    migrate: async () => applyMigrations(pgliteSession(pglite), await readMigrationFiles()),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}
