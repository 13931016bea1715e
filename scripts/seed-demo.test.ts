import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../lib/auth/password";
import { isReferenceCode } from "../lib/booking/reference-code";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database";
import { DEMO_STAFF, seedDemo, type SeedProgress, type SeedSummary } from "./seed-demo-data";

// The embedded database takes a while over a few thousand leads; PostgreSQL, a second or two.
const SLOW = 180_000;
const DAY = 86_400_000;
const LEADS = 2_000;

let database: TestDatabase;
let now: Date;
let first: SeedSummary;
const progress: SeedProgress[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  now = new Date();
  first = await seedDemo(database.prisma, { leads: LEADS, seed: 7, batchSize: 500, now, onProgress: (step) => progress.push(step) });
}, SLOW);
afterAll(() => database.destroy());

const scalar = async (sql: string) => Number(((await database.prisma.$queryRawUnsafe<Array<{ value: bigint | number }>>(sql))[0]?.value ?? NaN));

describe("seedDemo", () => {
  it("writes the leads it reports, a batch at a time", async () => {
    expect(progress.map((step) => step.done)).toEqual([500, 1_000, 1_500, 2_000]);
    expect(progress.every((step) => step.total === LEADS)).toBe(true);
    expect(first).toMatchObject({ firstRow: 1, lastRow: LEADS, leads: LEADS, bookings: LEADS, staffCreated: DEMO_STAFF.length });
    const prisma = database.prisma;
    expect(await prisma.lead.count()).toBe(LEADS);
    expect(await prisma.booking.count()).toBe(LEADS);
    expect(await prisma.booking.count({ where: { status: "CONFIRMED" } })).toBe(first.confirmedBookings);
    expect(await prisma.outboxMessage.count()).toBe(first.outboxMessages);
    expect(await prisma.emailEvent.count()).toBe(first.emailEvents);
    expect(await prisma.note.count()).toBe(first.notes);
    expect(await prisma.auditEvent.count()).toBe(first.auditEvents);
    // Non-spam leads owe at least a confirmation and staff's notification; about 30% of worked leads have notes.
    expect(first.outboxMessages).toBeGreaterThanOrEqual(2 * (LEADS - (await prisma.lead.count({ where: { status: "SPAM" } }))));
    expect(first.notes).toBeGreaterThan(LEADS * 0.1);
  });

  it("gives every lead a unique reference, email and form token, and a booking", async () => {
    const leads = await database.prisma.lead.findMany({ select: { reference: true, email: true, formToken: true, booking: { select: { id: true } } } });
    expect(new Set(leads.map((lead) => lead.reference)).size).toBe(LEADS);
    expect(new Set(leads.map((lead) => lead.email)).size).toBe(LEADS);
    expect(new Set(leads.map((lead) => lead.formToken)).size).toBe(LEADS);
    expect(leads.every((lead) => isReferenceCode(lead.reference))).toBe(true);
    expect(leads.every((lead) => lead.booking !== null)).toBe(true);
    expect(leads.every((lead) => /^[a-z0-9._]+@[a-z]+\.example$/.test(lead.email))).toBe(true);
  });

  it("spreads leads over the last two years and keeps every call, email and change in the past", async () => {
    const { _min, _max } = await database.prisma.lead.aggregate({ _min: { createdAt: true }, _max: { createdAt: true, updatedAt: true } });
    expect(_min.createdAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() - 730 * DAY);
    expect(_max.createdAt!.getTime()).toBeLessThan(now.getTime());
    expect(_max.updatedAt!.getTime()).toBeLessThan(now.getTime());
    // Denser towards now: more leads in the last year than in the one before.
    const lastYear = await database.prisma.lead.count({ where: { createdAt: { gte: new Date(now.getTime() - 365 * DAY) } } });
    expect(lastYear).toBeGreaterThan(LEADS / 2);
    expect(await scalar(`SELECT count(*) AS value FROM "Booking" WHERE "endsAt" > now()`)).toBe(0);
    expect(await scalar(`SELECT count(*) AS value FROM "Booking" AS b JOIN "Lead" AS l ON l."id" = b."leadId" WHERE b."startsAt" < l."createdAt" + interval '1 day'`)).toBe(0);
    expect(await scalar(`SELECT count(*) AS value FROM "Booking" WHERE "endsAt" - "startsAt" <> interval '30 minutes'`)).toBe(0);
    expect(await scalar(`SELECT count(*) AS value FROM "Lead" WHERE "consentAt" <> "createdAt"`)).toBe(0);
    for (const table of ["OutboxMessage", "Note", "AuditEvent", "EmailEvent"]) {
      const column = table === "EmailEvent" ? "occurredAt" : "createdAt";
      expect(await scalar(`SELECT count(*) AS value FROM "${table}" WHERE "${column}" > now()`), table).toBe(0);
    }
  });

  it("leaves nothing for the outbox worker to send", async () => {
    const statuses = await database.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.every((row) => row.status === "SENT" || row.status === "FAILED")).toBe(true);
    expect(await database.prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })).toBe(0);
    expect(await database.prisma.outboxMessage.count({ where: { status: "SENT", sentAt: null } })).toBe(0);
  });

  it("skews statuses by age, and keeps versions and the audit trail in step", async () => {
    const statuses = await database.prisma.lead.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    const oldClosed = await database.prisma.lead.count({ where: { createdAt: { lt: new Date(now.getTime() - 180 * DAY) }, status: { in: ["WON", "LOST"] } } });
    const old = await database.prisma.lead.count({ where: { createdAt: { lt: new Date(now.getTime() - 180 * DAY) } } });
    expect(oldClosed / old).toBeGreaterThan(0.7);
    expect(
      await scalar(`SELECT count(*) AS value FROM "Lead" AS l WHERE l."version" <> (SELECT count(*) FROM "AuditEvent" AS a
        WHERE a."leadId" = l."id" AND a."action" IN ('lead.status', 'lead.owner'))`),
    ).toBe(0);
    expect(await database.prisma.lead.count({ where: { status: "NEW", ownerId: { not: null } } })).toBe(0);
  });

  it("shares leads among demo staff who cannot sign in", async () => {
    const staff = await database.prisma.user.findMany({ select: { id: true, email: true, passwordHash: true } });
    expect(staff.map((user) => user.email).sort()).toEqual(DEMO_STAFF.map((account) => account.email).sort());
    for (const user of staff) expect(await verifyPassword(user.passwordHash, "!seed-demo-account")).toBe(false);
    const owners = await database.prisma.lead.groupBy({ by: ["ownerId"], where: { ownerId: { not: null } }, _count: { _all: true } });
    expect(owners).toHaveLength(DEMO_STAFF.length);
  });

  it("adds more on a second run with another seed, within every constraint", async () => {
    const second = await seedDemo(database.prisma, { leads: LEADS, seed: 8 });
    expect(second).toMatchObject({ firstRow: LEADS + 1, lastRow: 2 * LEADS, leads: LEADS, bookings: LEADS, staffCreated: 0, staff: DEMO_STAFF.length });
    expect(await database.prisma.lead.count()).toBe(2 * LEADS);
    expect(await database.prisma.booking.count()).toBe(2 * LEADS);
    expect(await scalar(`SELECT count(DISTINCT "reference") AS value FROM "Lead"`)).toBe(2 * LEADS);
    expect(await scalar(`SELECT count(DISTINCT "email") AS value FROM "Lead"`)).toBe(2 * LEADS);
    expect(await database.prisma.user.count()).toBe(DEMO_STAFF.length);
    // The exclusion constraint held, and the second run's calls took only slots the first left free.
    expect(
      await scalar(`SELECT count(*) AS value FROM "Booking" AS a JOIN "Booking" AS b ON a."id" < b."id" AND a."status" = 'CONFIRMED'
        AND b."status" = 'CONFIRMED' AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")`),
    ).toBe(0);
  }, SLOW);

  it("gives the same leads for the same seed on an empty database", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.prisma, { leads: LEADS, seed: 7, now });
      const fingerprint = (db: TestDatabase) =>
        db.prisma.$queryRawUnsafe<Array<{ value: string }>>(`
          SELECT md5(string_agg(concat_ws('|', l."id", l."reference", l."status", l."fullName", l."email", l."company", l."createdAt", l."message",
            l."utmSource", l."landingPage", u."email", b."startsAt", b."status"), ',' ORDER BY l."formToken")) AS value
          FROM "Lead" AS l JOIN "Booking" AS b ON b."leadId" = l."id" LEFT JOIN "User" AS u ON u."id" = l."ownerId"
          WHERE l."formToken" ~ '^seed-[0-9]+$' AND substring(l."formToken" FROM 6)::int <= ${LEADS}`);
      expect(await fingerprint(other)).toEqual(await fingerprint(database));
    } finally {
      await other.destroy();
    }
  }, SLOW);

  it("refuses a lead count out of range", async () => {
    await expect(seedDemo(database.prisma, { leads: 0 })).rejects.toThrow(/--leads/);
    await expect(seedDemo(database.prisma, { leads: 1_000_001 })).rejects.toThrow(/--leads/);
    await expect(seedDemo(database.prisma, { leads: 1.5 })).rejects.toThrow(/--leads/);
  });
});
