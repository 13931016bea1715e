import { readFile } from "node:fs/promises";
import { createPGlite } from "../../lib/db/create-pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/db/apply-migrations";
import { migrationsDir, readMigrationFiles } from "../../lib/db/migration-files";
import { pgliteSession } from "../../lib/db/sql-session";
import { diagnoseMigrationHistory, diffMigrationsToSchema, schemaPath } from "./schema-engine";

describe("schema.prisma and prisma/migrations", () => {
  it("do not drift: the migrations build exactly what the schema describes", async () => {
    expect(await diffMigrationsToSchema(migrationsDir())).toBe("");
  });

  it("would drift if the schema gained a field the migrations lack", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const changed = schema.replace(/model Lead \{/, "model Lead {\n  nickname String?");
    expect(await diffMigrationsToSchema(migrationsDir(), changed)).toContain('ADD COLUMN     "nickname" TEXT');
  });
});

describe("the history this project's runner writes", () => {
  it("is the history Prisma's own engine reads: every migration applied, none edited or failed", async () => {
    const database = createPGlite();
    await applyMigrations(pgliteSession(database), await readMigrationFiles());
    const diagnosis = await diagnoseMigrationHistory(database, migrationsDir());
    expect(diagnosis).toMatchObject({ hasMigrationsTable: true, history: null, failedMigrationNames: [], editedMigrationNames: [] });
    await database.close();
  });

  it("is read as behind when a migration is missing from it", async () => {
    const database = createPGlite();
    const diagnosis = await diagnoseMigrationHistory(database, migrationsDir());
    expect(diagnosis.history).toMatchObject({ diagnostic: "databaseIsBehind" });
    await database.close();
  });
});
