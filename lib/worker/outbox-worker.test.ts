import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { startFakeResend, type FakeResend } from "../email/fake-resend-server";
import { createResendTransport } from "../email/resend-transport";
import type { OutboxWorker } from "./outbox-worker";
import { bookLater, eventually, testEmailSettings, testWorker } from "./worker-test-fixtures";

let database: TestDatabase;
let fake: FakeResend;
const running: OutboxWorker[] = [];

beforeAll(async () => {
  [database, fake] = await Promise.all([createTestDatabase(), startFakeResend()]);
});
afterAll(async () => {
  await Promise.all([database.destroy(), fake.close()]);
});
beforeEach(async () => {
  fake.reset();
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "RateLimitBucket" CASCADE`);
});
afterEach(async () => {
  fake.reset();
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});

const resend = (timeoutMs = 2_000) => createResendTransport({ apiKey: "re_test", baseUrl: fake.url, timeoutMs });

async function start(options: Parameters<typeof testWorker>[2] = {}) {
  const worker = testWorker(database.prisma, resend((options.sendTimeoutSeconds ?? 2) * 1000), {
    listen: (onWake) => database.listen("outbox", onWake),
    ...options,
  });
  running.push(worker);
  await worker.start();
  return worker;
}

const outbox = () => database.prisma.outboxMessage.findMany({ orderBy: { kind: "asc" } });
const sentCount = async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } }));

describe("the outbox worker", () => {
  it("sends a booking's confirmation and staff notification once each, woken by the commit, and keeps the reminder for later", async () => {
    // Polling only every five minutes: only the booking's notification can bring these out in time.
    await start({ pollSeconds: 300 });
    const { lead, request } = await bookLater(database.prisma);
    const emails = await fake.waitForEmails(2);

    const toProspect = emails.find((email) => email.to.includes(request.form.email))!;
    const toStaff = emails.find((email) => email.to.includes("staff@example.com"))!;
    expect(toProspect).toMatchObject({ from: testEmailSettings.firm.emailFrom, replyTo: [testEmailSettings.firm.email] });
    expect(toProspect.subject).toContain("Example Advisory");
    expect(toProspect.text).toContain(lead.reference);
    expect(toProspect.html).toContain(`/book/manage/`);
    expect(toStaff.replyTo).toEqual([`"${lead.fullName}" <${lead.email}>`]);
    expect(toStaff.subject).toContain(lead.fullName);
    expect(toStaff.text).toContain(lead.company);
    expect(toStaff.text).toContain(`/admin/leads/${lead.id}`);

    const invite = toProspect.attachments.find((attachment) => attachment.filename === "invite.ics")!;
    expect(invite.contentType).toMatch(/^text\/calendar;.*\bmethod=REQUEST$/);
    const calendar = new ICAL.Component(ICAL.parse(invite.content.toString("utf8")));
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(event.getFirstPropertyValue("uid")).toBe(`${lead.reference}@example-advisory.test`);
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate()).toEqual(lead.booking!.startsAt);
    expect(String(event.getFirstProperty("attendee")!.getFirstValue())).toBe(`mailto:${lead.email}`);

    await eventually(async () => (await sentCount()) === 2, "both rows marked sent");
    const rows = await outbox();
    expect(rows.map((row) => [row.kind, row.status, row.attempts])).toEqual([
      ["BOOKING_CONFIRMATION", "SENT", 1],
      ["STAFF_NOTIFICATION", "SENT", 1],
      ["BOOKING_REMINDER", "PENDING", 0],
    ]);
    expect(rows.filter((row) => row.status === "SENT").map((row) => row.providerMessageId).sort()).toEqual(emails.map((email) => email.id).sort());
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps trying while the provider fails, refuses, drops and rate-limits, and then sends every email exactly once", async () => {
    fake.failNext(2, { kind: "error", status: 500 });
    fake.failNext(1, { kind: "drop" });
    fake.failNext(1, { kind: "rate-limit", retryAfterSeconds: 1 });
    fake.failNext(1, { kind: "error", status: 503 });
    for (let i = 0; i < 3; i++) await bookLater(database.prisma, i);
    await start();

    await eventually(async () => (await sentCount()) === 6, "six rows sent");
    const keys = fake.emails.map((email) => email.idempotencyKey);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
    expect(fake.requests.filter((request) => request.status !== 200)).toHaveLength(5);
    const rows = await database.prisma.outboxMessage.findMany({ where: { status: "SENT" } });
    expect(rows.reduce((sum, row) => sum + row.attempts, 0), "the rate limit used up no attempt").toBe(6 + 4);
  });

  it("gives up on a row after the last attempt, and marks it FAILED with the error", async () => {
    fake.setMode({ kind: "error", status: 500 });
    await bookLater(database.prisma);
    await start({ retry: { maxAttempts: 3, baseSeconds: 0.01 } });
    const failed = await eventually(async () => {
      const rows = await database.prisma.outboxMessage.findMany({ where: { status: "FAILED" } });
      return rows.length === 2 && rows;
    }, "both rows failed");
    expect(failed.map((row) => row.attempts)).toEqual([3, 3]);
    expect(failed[0]!.lastError).toContain("500");
    expect(fake.requests).toHaveLength(6);
  });

  it("fails at once, without retrying, when the provider refuses the email itself", async () => {
    fake.setMode({ kind: "invalid", status: 422 });
    await bookLater(database.prisma);
    await start();
    await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "FAILED" } })) === 2, "both rows failed");
    expect(fake.requests).toHaveLength(2);
  });

  it("never sends a row twice with two workers on one database", async () => {
    for (let i = 0; i < 10; i++) await bookLater(database.prisma, i);
    await Promise.all([start(), start()]);
    await eventually(async () => (await sentCount()) === 20, "twenty rows sent");
    const keys = fake.requests.map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });

  it("moves on from a hanging provider after its timeout, and sends once it answers again", async () => {
    fake.setMode({ kind: "hang" });
    await bookLater(database.prisma);
    await start({ sendTimeoutSeconds: 1, retry: { maxAttempts: 8, baseSeconds: 0.5 } });
    const timedOut = await eventually(async () => {
      const rows = await database.prisma.outboxMessage.findMany({ where: { lastError: { contains: "timeout" } } });
      return rows.length === 2 && rows;
    }, "both attempts timed out", 5_000);
    expect(timedOut.every((row) => row.status === "PENDING" || row.status === "SENDING")).toBe(true);
    fake.setMode({ kind: "ok" });
    await eventually(async () => (await sentCount()) === 2, "both rows sent");
  });

  it("paces its sends to the provider's rate", async () => {
    for (let i = 0; i < 3; i++) await bookLater(database.prisma, i);
    await start({ perSecond: 4 });
    await fake.waitForEmails(6, { timeoutMs: 10_000 });
    const arrivals = fake.requests.map((request) => request.receivedAt.getTime());
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(Math.min(...gaps), "about a quarter of a second apart at 4 a second (unpaced, they come within milliseconds)").toBeGreaterThanOrEqual(200);
  });

  it("claims again a row whose worker died holding it, once the lease runs out", async () => {
    await bookLater(database.prisma);
    await database.prisma.outboxMessage.updateMany({
      where: { kind: "BOOKING_CONFIRMATION" },
      data: { status: "SENDING", attempts: 1, leaseToken: crypto.randomUUID(), leaseExpiresAt: new Date(Date.now() - 1_000) },
    });
    await start();
    await eventually(async () => (await sentCount()) === 2, "both rows sent");
    const confirmation = await database.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "BOOKING_CONFIRMATION" } });
    expect(confirmation.attempts).toBe(2);
  });

  it("on stop, finishes the send in flight and hands back what it had not started", async () => {
    fake.setMode({ kind: "hang" });
    for (let i = 0; i < 3; i++) await bookLater(database.prisma, i);
    const worker = await start({ perSecond: 1, sendTimeoutSeconds: 30 });
    await fake.waitForRequests(1);
    const stopped = worker.stop();
    fake.setMode({ kind: "ok" }); // the hung send now completes
    await stopped;
    const rows = await database.prisma.outboxMessage.findMany({ where: { kind: { not: "BOOKING_REMINDER" } } });
    expect(rows.filter((row) => row.status === "SENDING"), "nothing left claimed").toEqual([]);
    expect(rows.filter((row) => row.status === "SENT")).toHaveLength(fake.emails.length);
    expect(rows.filter((row) => row.status === "PENDING").every((row) => row.leaseToken === null)).toBe(true);

    await start();
    await eventually(async () => (await sentCount()) === 6, "the rest sent by the next worker");
    expect(new Set(fake.emails.map((email) => email.idempotencyKey)).size).toBe(6);
  });
});
