import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPGlite } from "./create-pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "./apply-migrations";
import { readMigrationFiles } from "./migration-files";
import { pgliteSession } from "./sql-session";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("migrations applied to a fresh database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("records every migration in Prisma's history table, with Prisma's checksum", async () => {
    const files = await readMigrationFiles();
    const rows = await database.prisma.$queryRaw<Array<{ migration_name: string; checksum: string; applied_steps_count: number }>>`
      SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    expect(rows).toEqual(files.map((file) => ({ migration_name: file.name, checksum: file.checksum, applied_steps_count: 1 })));
  });

  it("applies nothing the second time, even when several processes race", async () => {
    const results = await Promise.all([database.migrate(), database.migrate(), database.migrate()]);
    expect(results).toEqual([[], [], []]);
  });

  it("creates the tables the schema describes, and the overlap constraint on bookings", async () => {
    const tables = await database.prisma.$queryRaw<Array<{ table_name: string }>>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((row) => row.table_name)).toEqual([
      "AuditEvent", "Booking", "BusyInterval", "Calendar", "EmailEvent", "Lead", "MailboxMessage", "Note", "OutboxMessage", "RateLimitBucket", "User",
      "_prisma_migrations",
    ]);
    const constraints = await database.prisma.$queryRaw<Array<{ conname: string; contype: string }>>`
      SELECT conname, contype::text AS contype FROM pg_constraint WHERE conname = 'Booking_no_overlap'`;
    expect(constraints).toEqual([{ conname: "Booking_no_overlap", contype: "x" }]);
  });
});

describe("a migration that fails", () => {
  it("is rolled back whole, leaves no history row, and names itself in the error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await mkdir(path.join(dir, "20260101000000_good"));
    await writeFile(path.join(dir, "20260101000000_good", "migration.sql"), "CREATE TABLE good (id int);");
    await mkdir(path.join(dir, "20260102000000_bad"));
    await writeFile(path.join(dir, "20260102000000_bad", "migration.sql"), "CREATE TABLE half (id int);\nSELECT * FROM missing;");
    const pglite = createPGlite();
    const session = pgliteSession(pglite);

    const attempt = applyMigrations(session, await readMigrationFiles(dir));
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/20260102000000_bad failed and was rolled back/);

    const history = await session.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(history).toEqual([{ migration_name: "20260101000000_good" }]);
    const half = await session.query(`SELECT to_regclass('half') AS half`);
    expect(half).toEqual([{ half: null }]);
    await pglite.close();
  });
});
