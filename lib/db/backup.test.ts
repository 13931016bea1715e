import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addMinutes } from "date-fns";
import { bookConsultation } from "../booking/book-consultation";
import { bookingRequest, testNow, testSettings, tuesdayNineAm } from "../booking/booking-test-fixtures";
import { backupDatabase, restoreDatabase } from "./backup";
import { openDatabase, type Database } from "./open-database";
import { createTestDatabase } from "./test-database";

const folder = mkdtempSync(path.join(tmpdir(), "backup-test-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function bookThree(database: Database) {
  for (let n = 0; n < 3; n++) {
    const outcome = await bookConsultation(database.prisma, bookingRequest({ clientIp: `192.0.2.${n}`, form: { slot: addMinutes(tuesdayNineAm, n * 30).toISOString() } }), testSettings, testNow);
    expect(outcome.kind).toBe("booked");
  }
}

async function everyRow(database: Database) {
  const [leads, bookings, outbox] = await Promise.all([
    database.prisma.lead.findMany({ orderBy: { reference: "asc" }, select: { reference: true, email: true, fullName: true } }),
    database.prisma.booking.findMany({ orderBy: { startsAt: "asc" }, select: { startsAt: true, status: true, leadId: true } }),
    database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, kind: true, status: true } }),
  ]);
  return { leads, bookings, outbox };
}

describe("backups", () => {
  it("an embedded database with bookings, backed up and restored into an empty folder, has every row", async () => {
    const original = openDatabase({ kind: "embedded", dataDir: path.join(folder, "original") });
    await original.migrate();
    await bookThree(original);
    const before = await everyRow(original);
    await original.close();

    // As a person runs them: npm run db:backup and db:restore, each a process of its own.
    const file = path.join(folder, "embedded.tar.gz");
    const cli = (command: string, dataDir: string) =>
      spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db/backup.ts", command, file], {
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: path.join(folder, dataDir) },
        encoding: "utf8",
      });
    expect(cli("backup", "original").stdout).toContain(`Backed up the embedded database in ${path.join(folder, "original")}`);
    expect(cli("restore", "restored").status).toBe(0);
    const again = cli("restore", "restored");
    expect(again.status, "never over a database").toBe(1);
    expect(again.stderr).toContain("already holds a database");

    const restored = openDatabase({ kind: "embedded", dataDir: path.join(folder, "restored") });
    try {
      expect(before.leads).toHaveLength(3);
      expect(before.outbox.length).toBeGreaterThanOrEqual(6);
      expect(await everyRow(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
    // An embedded database on disk migrates and dumps slowly on a busy machine.
  }, 180_000);

  it.runIf(process.env.DATABASE_URL)("a PostgreSQL database with bookings, dumped and restored into a fresh one, has every row", async () => {
    const original = await createTestDatabase();
    const fresh = await createTestDatabase();
    try {
      await bookThree(original);
      const file = path.join(folder, "postgres.dump");
      await backupDatabase({ kind: "postgres", url: original.url!, poolSize: 1 }, file);
      await restoreDatabase({ kind: "postgres", url: fresh.url!, poolSize: 1 }, file);
      expect(await everyRow(fresh)).toEqual(await everyRow(original));
      expect((await everyRow(fresh)).leads).toHaveLength(3);
    } finally {
      await original.destroy();
      await fresh.destroy();
    }
  });
});
