import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { createPGlite } from "../../lib/db/create-pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrationFiles } from "../../lib/db/migration-files";

// Prisma's schema engine compiled to WebAssembly, driven over an in-memory PGlite (its shadow
// database too), so schema diffs need neither the native engine download nor a server.

const require = createRequire(import.meta.url);
type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

export const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");

let loaded: Promise<SchemaEngineModule> | undefined;

// The package imports its .wasm as an ES module, which Node allows only behind a flag,
// so the glue is wired to a module compiled here instead.
async function loadModule(): Promise<SchemaEngineModule> {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue as SchemaEngineModule;
}

async function openEngine(schema: string, database = createPGlite()): Promise<SchemaEngine> {
  loaded ??= loadModule();
  const { SchemaEngine } = await loaded;
  const factory = new PrismaPGlite(database);
  // The adapter's own shadow database is a bare PGlite, without the extensions the migrations create.
  factory.connectToShadowDb = () => new PrismaPGlite(createPGlite()).connect();
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  return SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
}

async function migrationList(migrationsDir: string): Promise<MigrationList> {
  const files = await readMigrationFiles(migrationsDir);
  const lockfilePath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfilePath, content: await readFile(lockfilePath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: files.map((file) => ({
      path: file.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: file.sql } },
    })),
  };
}

/**
 * The SQL that takes a database built by the migrations in `migrationsDir` to what the schema
 * describes: empty when they agree.
 */
export async function diffMigrationsToSchema(migrationsDir: string, schema?: string): Promise<string> {
  const datamodel = schema ?? (await readFile(schemaPath, "utf8"));
  const engine = await openEngine(datamodel);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await migrationList(migrationsDir)) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    engine.free();
  }
}

/** What `prisma migrate status` would say of `database`'s migration history. */
export async function diagnoseMigrationHistory(database: PGlite, migrationsDir: string) {
  const engine = await openEngine(await readFile(schemaPath, "utf8"), database);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await migrationList(migrationsDir),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
}
