import path from "node:path";
import { getConfig, type AppConfig } from "../config";
import { openDatabase, type Database, type DatabaseOptions } from "./open-database";
import { loggerFor } from "../log/logger";

const processWide = globalThis as { appDatabase?: Promise<Database> };

/** PostgreSQL at DATABASE_URL when it is set; otherwise the embedded database under DATA_DIR. */
export function configuredDatabase(config: AppConfig): DatabaseOptions {
  return config.DATABASE_URL
    ? { kind: "postgres", url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
    : { kind: "embedded", dataDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), config.DATA_DIR) };
}

async function start(): Promise<Database> {
  const config = getConfig();
  const database = openDatabase(configuredDatabase(config));
  try {
    if (config.MIGRATE_ON_START || database.kind === "embedded") {
      const applied = await database.migrate();
      if (applied.length > 0) loggerFor("db").info({ migrations: applied }, "applied migrations");
    }
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * The process's one database: opened on first use (nothing connects at import time), migrated
 * when MIGRATE_ON_START is on (always, when embedded), and shared by every request.
 * A failed start is retried on the next call.
 */
export function getDatabase(): Promise<Database> {
  processWide.appDatabase ??= start().catch((error: unknown) => {
    processWide.appDatabase = undefined;
    throw error;
  });
  return processWide.appDatabase;
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
