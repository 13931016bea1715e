import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

// The route as Next runs it, over a database of its own: the token's rules, then the numbers moving.
const TOKEN = "metrics-token-for-the-route-test-0123";
let database: TestDatabase;
let GET: (request: Request) => Promise<Response>;

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization === undefined ? {} : { authorization } }));

/** One sample's value from the text format; the counters are process-wide, so tests compare before and after. */
function sample(text: string, name: string, labels = ""): number {
  const prefix = `${name}${labels} `;
  const line = text.split("\n").find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? 0 : Number(line.slice(prefix.length));
}

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.METRICS_TOKEN = TOKEN;
  ({ GET } = await import("./route"));
  // Opened (and migrated) as the server does at start-up, before its first scrape.
  await (await (await import("@/lib/db/database")).getPrisma()).$queryRaw`SELECT 1`;
});
afterAll(async () => {
  const { getDatabase } = await import("@/lib/db/database");
  await getDatabase().then((opened) => opened.close(), () => {});
  await database?.destroy();
});

const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;

postgresOnly("GET /api/metrics", () => {
  it("answers 401 without the token, with a wrong one or another scheme, and never caches", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token-0123", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, TOKEN, "Bearer "]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).not.toContain("bookings_made_total");
    }
  });

  it("serves Prometheus' text format to the holder of the token, and its numbers move with a booking and its emails", async () => {
    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const first = await before.text();
    const overdue = (text: string) => sample(text, "outbox_oldest_overdue_seconds");
    for (const name of ["bookings_made_total", "bookings_refused_total", "http_request_duration_seconds", "outbox_send_duration_seconds", "outbox_attempts_total", "outbox_messages", "outbox_oldest_overdue_seconds", "calendar_sync_oldest_age_seconds", "process_resident_memory_bytes"]) {
      expect(first, name).toContain(`# TYPE ${name} `);
    }
    expect(sample(first, "metrics_database_up")).toBe(1);
    expect(sample(first, "outbox_messages", '{status="PENDING"}')).toBe(0);

    const { bookLater, testWorker } = await import("@/lib/worker/worker-test-fixtures");
    const { bookConsultation } = await import("@/lib/booking/book-consultation");
    const { bookingRequest, testSettings } = await import("@/lib/booking/booking-test-fixtures");
    const { booking } = await bookLater(database.prisma, 0);
    const refused = await bookConsultation(database.prisma, bookingRequest({ form: { slot: booking.startsAt.toISOString() } }), testSettings);
    expect(refused.kind).toBe("slot-taken");
    // The confirmation and the notice are due now; an hour on, unsent, they are an hour overdue.
    await database.prisma.outboxMessage.updateMany({ where: { kind: { not: "BOOKING_REMINDER" } }, data: { nextAttemptAt: new Date(Date.now() - 3_600_000) } });

    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    const moved = (name: string, labels: string) => sample(after, name, labels) - sample(first, name, labels);
    expect(moved("bookings_made_total", '{spam="false"}')).toBe(1);
    expect(moved("bookings_refused_total", '{reason="slot-taken"}')).toBe(1);
    expect(sample(after, "outbox_messages", '{status="PENDING"}')).toBe(3);
    expect(overdue(after)).toBeGreaterThanOrEqual(3_600);

    const { createMailboxTransport } = await import("@/lib/email/mailbox-transport");
    const worker = testWorker(database.prisma, createMailboxTransport(database.prisma));
    await worker.start();
    try {
      const { eventually } = await import("@/lib/worker/worker-test-fixtures");
      await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } })) === 2, "both sent");
    } finally {
      await worker.stop();
    }
    const sent = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(sent, "outbox_messages", '{status="PENDING"}')).toBe(1);
    expect(overdue(sent)).toBe(0);
    const sends = (text: string) => sample(text, "outbox_send_duration_seconds_count", '{kind="BOOKING_CONFIRMATION",result="sent"}');
    expect(sends(sent) - sends(after)).toBe(1);
    const attempts = (text: string) => sample(text, "outbox_attempts_total", '{kind="STAFF_NOTIFICATION",settled="SENT"}');
    expect(attempts(sent) - attempts(after)).toBe(1);
  });
});
