import { expect, test } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../../lib/email/fake-resend-server";
import { openDatabase } from "../../lib/db/open-database";
import { extraServerPort, startServer, untilHealthy, type ServerProcess } from "../server-process";
import { bookConcurrently, clientAddress, fetchBookingForm, type ClientOutcome } from "./booking-clients";
import { serverErrors } from "./access-log";
import { ledgerByKey, untilAccepted } from "./email-ledger";
import { createOwnDatabase, type OwnDatabase } from "./own-database";

// The production server is killed with SIGKILL while 50 prospects book at once. Every booking that
// got its confirmation (a 303 with a reference) must be in the database, whole: the lead, its
// CONFIRMED booking and its two outbox rows; and after a restart on the same database, each of
// those emails goes out exactly once.
//
// "Exactly once" is what the person receives: the provider accepts one email per outbox row. The
// worker sends with the row's id as Resend's idempotency key, and Resend accepts a key once (for
// 24 hours; the fake keeps it for good). A send the killed server had in flight (its lease held in
// the row) is sent again once that lease runs out, under the same key, and so is one that timed
// out: the provider may see more than one request for a row, never a second email. So: one
// accepted email per row, none for any key that is not a row, and no request for a row after the
// worker recorded it as sent.

const CLIENTS = 50;
const KILL_AFTER_CONFIRMATIONS = 15;

test.setTimeout(8 * 60_000);

let database: OwnDatabase;
let fake: FakeResend;
let servers: ServerProcess[] = [];

const serverPort = extraServerPort(30);
const serverEnv = () => ({
  ...database.env,
  WORKER_IN_APP: "true",
  WORKER_POLL_SECONDS: "1",
  RESEND_BASE_URL: fake.url,
  RESEND_MAX_PER_SECOND: "50",
  // A send cut off by the kill is tried again when its lease ends (the send timeout plus 31 s); a
  // send that times out on this busy machine is retried after a second, not a minute.
  EMAIL_SEND_TIMEOUT_SECONDS: "10",
  EMAIL_RETRY_BASE_SECONDS: "1",
  // Short calls, a month ahead, an hour's notice: hundreds of distinct times, 96 a day.
  CONSULTATION_MINUTES: "5",
  BUFFER_MINUTES: "0",
  BOOKING_HORIZON_DAYS: "30",
  MIN_NOTICE_HOURS: "1",
  BOOKING_RATE_LIMIT: "1000",
  BOOKING_MIN_FILL_SECONDS: "0",
  // No reminders: each booking owes exactly two emails, the prospect's and staff's.
  REMINDER_HOURS_BEFORE: "0",
});

test.beforeEach(async () => {
  database = await createOwnDatabase("crash");
  fake = await startFakeResend({ port: extraServerPort(32) });
});

test.afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await fake?.close();
  await database?.drop();
});

function start(): ServerProcess {
  const server = startServer(serverPort, serverEnv());
  servers.push(server);
  return server;
}

/** The test's own connection to the database, for as long as `work` runs (the embedded one only while no server holds it). */
async function inDatabase<T>(work: (db: ReturnType<typeof openDatabase>["prisma"]) => Promise<T>): Promise<T> {
  const db = database.url
    ? openDatabase({ kind: "postgres", url: database.url, poolSize: 2 })
    : openDatabase({ kind: "embedded", dataDir: database.env.DATA_DIR! });
  try {
    return await work(db.prisma);
  } finally {
    await db.close();
  }
}

test("SIGKILL while 50 clients book: every confirmed booking is stored whole, and its emails go out exactly once after a restart", async () => {
  const first = start();
  await untilHealthy(first);
  const { form, status } = await fetchBookingForm(first.url, clientAddress());
  expect(status).toBe(200);
  // Clear of the hour's notice, which the first times offered would run into while the test runs.
  const slots = form.slots.filter((slot) => Date.parse(slot) > Date.now() + 2 * 3600_000).slice(0, CLIENTS);
  expect(slots, "distinct times for every client").toHaveLength(CLIENTS);

  // The kill comes once some bookings are confirmed and the worker has sends in flight: from then
  // on the provider takes requests and never answers them.
  let confirmed = 0;
  let killed: Promise<void> | undefined;
  const killNow = async () => {
    fake.setMode({ kind: "hang" });
    await fake.waitForRequests(fake.requests.length + 1, { timeoutMs: 2_000 }).catch(() => {});
    await first.kill("SIGKILL");
  };
  const outcomes = await bookConcurrently(first.url, slots, () => {
    confirmed++;
    if (confirmed === KILL_AFTER_CONFIRMATIONS) killed = killNow();
  });
  await killed;
  expect(await first.exited).toBe("SIGKILL");
  fake.setMode({ kind: "ok" });

  const confirmations = outcomes.filter((outcome): outcome is Extract<ClientOutcome, { kind: "confirmed" }> => outcome.kind === "confirmed");
  const cutOff = outcomes.filter((outcome) => outcome.kind === "failed");
  expect(confirmations.length, "bookings confirmed before the kill").toBeGreaterThanOrEqual(KILL_AFTER_CONFIRMATIONS);
  expect(cutOff.length, "requests the kill cut off: it came mid-load").toBeGreaterThan(0);
  // On two busy cores a request can wait past the pool's 5 s for a connection: it is told to try
  // again (503, nothing saved), and that is the only refusal there may be.
  const refused = outcomes.filter((outcome) => outcome.kind === "refused");
  expect(refused.filter((outcome) => outcome.status !== 503), "refusals other than 503").toEqual([]);

  // Every confirmed booking is in the database, whole; and nothing half-written is there either.
  const stored = await inDatabase((db) =>
    db.lead.findMany({ include: { booking: true, outbox: { select: { id: true, kind: true } } } }),
  );
  const byReference = new Map(stored.map((lead) => [lead.reference, lead]));
  for (const confirmation of confirmations) {
    const lead = byReference.get(confirmation.reference);
    expect(lead, `confirmed ${confirmation.reference} is stored`).toBeDefined();
    expect(lead!.email).toBe(confirmation.email);
    expect(lead!.booking).toMatchObject({ status: "CONFIRMED", startsAt: new Date(confirmation.slot) });
    expect(lead!.outbox.map((row) => row.kind).sort()).toEqual(["BOOKING_CONFIRMATION", "STAFF_NOTIFICATION"]);
  }
  const storedEmails = new Set(stored.map((lead) => lead.email));
  for (const outcome of refused) expect(storedEmails.has(outcome.email), "a 503 saved nothing").toBe(false);
  for (const lead of stored) {
    expect(lead.booking?.status, `${lead.reference} has its booking`).toBe("CONFIRMED");
    expect(lead.outbox, `${lead.reference} has its two emails`).toHaveLength(2);
  }

  // Restarted on the same database and provider: every email owed reaches the provider once.
  const second = start();
  await untilHealthy(second);
  const rowIds = stored.flatMap((lead) => lead.outbox.map((row) => row.id));
  const diagnose = async (error: Error) => {
    const rows = await inDatabase((db) => db.outboxMessage.findMany({ where: { status: { not: "SENT" } }, select: { id: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, leaseExpiresAt: true } }));
    const asked = fake.requests.filter((request) => rows.some((row) => row.id === request.idempotencyKey));
    throw new Error(`${error.message}\nnow ${new Date().toISOString()} rows not sent: ${JSON.stringify(rows)}\ntheir requests: ${JSON.stringify(asked)}\nserver: ${second.output().slice(-3000)}`);
  };
  const ledger = await untilAccepted(fake, rowIds, 3 * 60_000).catch(diagnose);
  for (const id of rowIds) expect(ledger.get(id)!.accepted, `row ${id}: one email`).toBe(1);
  const askedAgain = rowIds.filter((id) => ledger.get(id)!.requests > 1).length;
  test.info().annotations.push({
    type: "crash",
    description: `${confirmations.length} confirmed, ${cutOff.length} cut off, ${refused.length} told to try again; ${stored.length} leads stored; ${askedAgain} of ${rowIds.length} emails asked for more than once`,
  });
  expect([...ledgerByKey(fake).keys()].filter((key) => !rowIds.includes(key)), "no email for anything else").toEqual([]);
  expect(fake.emails.length, "emails accepted in all").toBe(rowIds.length);

  // And the rows say so, once the worker has recorded each answer: stop the server, then look.
  await expect
    .poll(async () => inDatabase((db) => db.outboxMessage.count({ where: { status: { not: "SENT" } } })), { timeout: 60_000 })
    .toBe(0);
  await second.stop();
  expect(second.output(), "no email failed for good").not.toMatch(/failed for good/);
  expect(serverErrors(first.output() + second.output()), "no 5xx but 503, before or after the kill").toEqual([]);
});
