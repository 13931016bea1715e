import { addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/open-database";
import { createTestDatabase, someoneWaitsForALock, type TestDatabase } from "../db/test-database";
import { bookConsultation } from "./book-consultation";
import { bookingRequest, testNow, testSettings, tuesdayNineAm } from "./booking-test-fixtures";
import { issueFormToken } from "./form-token";
import { deleteExpiredRateLimits } from "../rate-limit/rate-limit";
import { eventually } from "../worker/worker-test-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "RateLimitBucket" CASCADE`);
});

const book = (request = bookingRequest()) => bookConsultation(database.prisma, request, testSettings, testNow);
const counts = async () => ({
  leads: await database.prisma.lead.count(),
  confirmed: await database.prisma.booking.count({ where: { status: "CONFIRMED" } }),
  outbox: await database.prisma.outboxMessage.count(),
});

describe("booking a consultation", () => {
  it("stores the lead, its booking and its emails' outbox rows together: the reminder due 24 hours before the call", async () => {
    const request = bookingRequest();
    const outcome = await book(request);
    expect(outcome).toMatchObject({ kind: "booked", reference: expect.stringMatching(/^OPS-[0-9A-Z]{6}$/) });
    const lead = await database.prisma.lead.findUniqueOrThrow({
      where: { formToken: request.formToken },
      include: { booking: true, outbox: { orderBy: { kind: "asc" } } },
    });
    expect(lead).toMatchObject({
      status: "NEW",
      email: request.form.email,
      timeZone: "Europe/London",
      utmSource: "newsletter",
      landingPage: "/articles/vp-of-operations-vs-coo",
    });
    expect(lead.booking).toMatchObject({ startsAt: tuesdayNineAm, endsAt: addMinutes(tuesdayNineAm, 30), status: "CONFIRMED" });
    expect(lead.outbox.map((row) => [row.kind, row.recipient, row.status])).toEqual([
      ["BOOKING_CONFIRMATION", request.form.email, "PENDING"],
      ["STAFF_NOTIFICATION", "staff@example.com", "PENDING"],
      ["BOOKING_REMINDER", request.form.email, "PENDING"],
    ]);
    const dueAtOnce = lead.outbox.filter((row) => row.kind !== "BOOKING_REMINDER");
    expect(dueAtOnce.every((row) => Math.abs(row.nextAttemptAt.getTime() - lead.createdAt.getTime()) < 1_000), "due as the booking commits").toBe(true);
    const reminder = lead.outbox.find((row) => row.kind === "BOOKING_REMINDER")!;
    expect(reminder.nextAttemptAt, "24 hours before the call").toEqual(new Date(tuesdayNineAm.getTime() - 24 * 3_600_000));
    expect(lead.outbox.every((row) => row.slotStartsAt?.getTime() === tuesdayNineAm.getTime())).toBe(true);
    expect(lead.booking?.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("owes no reminder for a call booked within the reminder's window, and tells every staff address", async () => {
    const settings = { ...testSettings, reminderHoursBefore: 36, staffEmails: ["a@example.com", "b@example.com"] };
    const request = bookingRequest();
    await bookConsultation(database.prisma, request, settings, testNow);
    const rows = await database.prisma.outboxMessage.findMany({ select: { kind: true, recipient: true }, orderBy: { kind: "asc" } });
    expect(rows).toEqual([
      { kind: "BOOKING_CONFIRMATION", recipient: request.form.email },
      { kind: "STAFF_NOTIFICATION", recipient: "a@example.com, b@example.com" },
    ]);
  });

  it("gives 20 people racing for one slot exactly one booking; the rest are told it was taken, and nothing of theirs is stored", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => book()));
    expect(outcomes.filter((outcome) => outcome.kind === "booked")).toHaveLength(1);
    const taken = outcomes.filter((outcome) => outcome.kind === "slot-taken");
    expect(taken).toHaveLength(19);
    expect(taken[0]).toMatchObject({ nearest: [{ startsAt: addMinutes(tuesdayNineAm, 30) }, { startsAt: addMinutes(tuesdayNineAm, 60) }, { startsAt: addMinutes(tuesdayNineAm, 90) }] });
    expect(await counts()).toEqual({ leads: 1, confirmed: 1, outbox: 3 });
  });

  it("lets the database refuse overlapping ranges that start at different times", async () => {
    const lead = (n: number) => ({
      reference: `OPS-TEST${String(n).padStart(2, "0")}`,
      formToken: `overlap-${n}`,
      fullName: "Overlap",
      email: `overlap-${n}@example.com`,
      company: "Overlap Inc",
      companySize: "SIZE_1_10" as const,
      topic: "OTHER" as const,
      timeZone: "UTC",
      consentAt: testNow,
    });
    const attempts = Array.from({ length: 20 }, (_, n) => {
      const startsAt = addMinutes(tuesdayNineAm, n * 7);
      return database.prisma.lead.create({ data: { ...lead(n), booking: { create: { startsAt, endsAt: addMinutes(startsAt, 45) } } } });
    });
    const results = await Promise.allSettled(attempts);
    const stored = await database.prisma.booking.findMany({ orderBy: { startsAt: "asc" } });
    expect(stored.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(stored.length);
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.startsAt.getTime()).toBeGreaterThanOrEqual(stored[i - 1]!.endsAt.getTime());
  });

  it("books once for one form sent twice, and answers the second with the same reference", async () => {
    const request = bookingRequest();
    const first = await book(request);
    const again = await book({ ...request, form: { ...request.form, slot: addMinutes(tuesdayNineAm, 60) } });
    expect(again).toEqual(first);
    expect(await counts()).toEqual({ leads: 1, confirmed: 1, outbox: 3 });
  });

  it("books once when the same form arrives twice at the same moment", async () => {
    const request = bookingRequest();
    const [first, second] = await Promise.all([book(request), book(request)]);
    expect(first).toEqual(second);
    expect(await counts()).toEqual({ leads: 1, confirmed: 1, outbox: 3 });
  });

  // PostgreSQL only: PGlite runs one transaction at a time, so nothing there can deadlock.
  it.runIf(process.env.DATABASE_URL)("takes a deadlock with another booking's insert as a lost race: tries again rather than failing", async () => {
    // Another transaction holds the time, uncommitted; this booking's insert waits for it. That
    // transaction then waits for this one (a lead with this form's token), and PostgreSQL aborts
    // the one that waited first: this booking's statement, with 40P01.
    const request = bookingRequest();
    const otherLead = (n: number, formToken: string) => ({
      reference: `OPS-DEADL${n}`,
      formToken,
      fullName: "Other Prospect",
      email: `other-${n}@example.com`,
      company: "Other Inc",
      companySize: "SIZE_1_10" as const,
      topic: "OTHER" as const,
      timeZone: "UTC",
      consentAt: testNow,
    });
    const deadlocks = async () =>
      (await database.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`)[0]!.n;
    const deadlocksBefore = await deadlocks();

    let booking: ReturnType<typeof book> | undefined;
    const rolledBack = new Error("rolled back on purpose");
    const other = database.prisma.$transaction(
      async (tx) => {
        await tx.lead.create({ data: { ...otherLead(1, "other-form-1"), booking: { create: { startsAt: tuesdayNineAm, endsAt: addMinutes(tuesdayNineAm, 30) } } } });
        booking = book(request);
        await eventually(() => someoneWaitsForALock(database.prisma), "the booking waiting for the other transaction");
        await tx.lead.create({ data: otherLead(2, request.formToken) });
        throw rolledBack;
      },
      { timeout: 30_000 },
    );
    await expect(other).rejects.toBe(rolledBack);
    expect(await booking).toMatchObject({ kind: "booked" });
    expect(await counts()).toEqual({ leads: 1, confirmed: 1, outbox: 3 });
    // pg_stat_database is updated when the backend reports its statistics, not at once.
    await eventually(async () => (await deadlocks()) > deadlocksBefore, "the deadlock counted");
  }, 30_000);

  it("refuses a time the firm does not offer, offering the nearest open ones", async () => {
    const sunday = new Date("2026-12-06T15:00:00.000Z");
    const outcome = await book(bookingRequest({ form: { slot: sunday.toISOString() } }));
    expect(outcome).toMatchObject({ kind: "slot-unavailable" });
    expect(outcome.kind === "slot-unavailable" && outcome.nearest).toHaveLength(3);
    expect(await counts()).toEqual({ leads: 0, confirmed: 0, outbox: 0 });
  });
});

describe("scripts posing as people", () => {
  it("get the normal answer for a filled honeypot, but their lead is SPAM, holds no slot and sends nothing", async () => {
    const outcome = await book(bookingRequest({ honeypot: "https://spam.example" }));
    expect(outcome.kind).toBe("booked");
    expect(await database.prisma.lead.findMany({ select: { status: true, booking: { select: { status: true } } } })).toEqual([
      { status: "SPAM", booking: { status: "CANCELLED" } },
    ]);
    expect(await counts()).toEqual({ leads: 1, confirmed: 0, outbox: 0 });
    expect((await book()).kind).toBe("booked");
  });

  it("are caught when the form comes back within seconds of being shown", async () => {
    const outcome = await book(bookingRequest({ formToken: issueFormToken(new Date(testNow.getTime() - 1_000)) }));
    expect(outcome.kind).toBe("booked");
    expect(await database.prisma.lead.findFirst({ select: { status: true } })).toEqual({ status: "SPAM" });
  });
});

describe("the booking rate limit", () => {
  it("refuses the sixth booking from one address within ten minutes, saying when to try again", async () => {
    const clientIp = "203.0.113.7";
    for (let n = 0; n < 5; n++) {
      const slot = addMinutes(tuesdayNineAm, n * 30).toISOString();
      expect((await book(bookingRequest({ clientIp, form: { slot } }))).kind).toBe("booked");
    }
    const sixth = await book(bookingRequest({ clientIp, form: { slot: addMinutes(tuesdayNineAm, 300).toISOString() } }));
    expect(sixth).toEqual({ kind: "rate-limited", retryAfterSeconds: 600 });
    expect(await counts()).toMatchObject({ leads: 5 });
  });

  it("holds across separate connections, as it must across app instances", async () => {
    const other = database.url ? openDatabase({ kind: "postgres", url: database.url, poolSize: 2 }) : database;
    try {
      const clientIp = "192.0.2.1";
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, n) => {
          const slot = addMinutes(tuesdayNineAm, n * 30).toISOString();
          return bookConsultation((n % 2 ? other : database).prisma, bookingRequest({ clientIp, form: { slot } }), testSettings, testNow);
        }),
      );
      expect(outcomes.filter((outcome) => outcome.kind === "booked")).toHaveLength(5);
      expect(outcomes.filter((outcome) => outcome.kind === "rate-limited")).toHaveLength(5);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("answers a form already booked with its booking, even over the limit", async () => {
    const clientIp = "203.0.113.8";
    const first = bookingRequest({ clientIp });
    const booked = await book(first);
    for (let n = 1; n < 5; n++) await book(bookingRequest({ clientIp, form: { slot: addMinutes(tuesdayNineAm, n * 30).toISOString() } }));
    expect(await book(first)).toEqual(booked);
  });

  it("forgets counters whose window has passed, and only those", async () => {
    await book(bookingRequest({ clientIp: "203.0.113.20" }));
    await database.prisma.rateLimitBucket.create({ data: { key: "booking:old", hits: 3, expiresAt: new Date(testNow.getTime() - 1) } });
    expect(await deleteExpiredRateLimits(database.prisma, testNow)).toBe(1);
    expect(await database.prisma.rateLimitBucket.findMany({ select: { key: true } })).toEqual([{ key: "booking:203.0.113.20" }]);
  });

  it("does not count a booking that failed because the slot was taken", async () => {
    const clientIp = "203.0.113.9";
    await book();
    for (let n = 0; n < 6; n++) expect((await book(bookingRequest({ clientIp }))).kind).toBe("slot-taken");
    expect((await book(bookingRequest({ clientIp, form: { slot: addMinutes(tuesdayNineAm, 30).toISOString() } }))).kind).toBe("booked");
  });
});
