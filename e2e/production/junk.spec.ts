import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startFakeResend, type FakeResend } from "../../lib/email/fake-resend-server";
import { extraServerPort, startServer, untilHealthy, type ServerProcess } from "../server-process";
import { loggedResponses, serverErrors } from "./access-log";
import { bookingAnswers, clientAddress, confirmedReference, fetchBookingForm, postBookingForm } from "./booking-clients";
import { flood, residentMegabytes, type JunkOutcome } from "./junk-flood";
import { loadRealForm, offeredSlots } from "./junk-forms";
import { junkNextAuth, junkRoute, junkSubmission, junkWebhook, stoppersFor, type FormTarget, type JunkRequest } from "./junk-requests";
import { seededRandom } from "./junk-values";
import { createOwnDatabase, type OwnDatabase } from "./own-database";

// At least 10,000 malformed requests against every public form and route handler, each built from
// the real thing (the form's field names, its server action's id and key, its token) and then
// broken. None may get a 5xx or a dropped connection, none may store anything, and the server's
// memory stays bounded throughout. One real booking is made first, so that the manage page's
// forms (move and cancel) can be flooded with its real token: it must be just as it was after.
//
// The run is seeded: a failure prints its seed, and JUNK_SEED=<seed> sends the same requests again.
// JUNK_REQUESTS sets how many (10,000 unless told).

const TOTAL = Number(process.env.JUNK_REQUESTS ?? 10_000);
const SEED = Number(process.env.JUNK_SEED ?? randomBytes(4).readUInt32LE());
const CONCURRENCY = 8;
/**
 * The server's resident memory may not pass this. It starts near 250 MB and levels off near 320 MB
 * in this flood (V8's heap bounded: scripts/server-command.mjs); without the bound it went to 1 GB,
 * and a body kept per request (10,000 of them, some near a megabyte) would take it far past.
 */
const MEMORY_CEILING_MB = 640;
const MANAGE_LINK = /https?:\/\/[^\s"<>]+(\/book\/manage\/[A-Za-z0-9_-]{43})/;

test.setTimeout(20 * 60_000);

let database: OwnDatabase;
let fake: FakeResend;
let server: ServerProcess | undefined;

test.beforeEach(async () => {
  database = await createOwnDatabase("junk");
  fake = await startFakeResend({ port: extraServerPort(42) });
});

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  await fake?.close();
  await database?.drop();
});

async function query<T extends object>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Rows in every table of the app's schema, by table. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${name}"`))[0]!.n);
  return counts;
}

const theBooking = (url: string, reference: string) =>
  query(url, `SELECT b."startsAt", b."status", b."updatedAt" FROM "Booking" b JOIN "Lead" l ON l."id" = b."leadId" WHERE l."reference" = $1`, [reference]);

test("10,000 malformed submissions to every public form and route: no 5xx, nothing stored, memory bounded", async () => {
  test.info().annotations.push({ type: "seed", description: `JUNK_SEED=${SEED} JUNK_REQUESTS=${TOTAL}` });
  const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;
  const signInIp = clientAddress();
  server = startServer(extraServerPort(40), {
    ...database.env,
    WORKER_IN_APP: "true",
    WORKER_POLL_SECONDS: "1",
    RESEND_BASE_URL: fake.url,
    RESEND_WEBHOOK_SECRET: webhookSecret,
    REMINDER_HOURS_BEFORE: "0",
  });
  await untilHealthy(server);
  const baseUrl = server.url;

  // One real booking, whose manage page gives the move and cancel forms their real token.
  const prospect = clientAddress();
  const { form: bookingPage } = await fetchBookingForm(baseUrl, prospect);
  const answers = bookingAnswers("junk");
  const reference = confirmedReference(await postBookingForm(baseUrl, bookingPage, answers, bookingPage.slots[2]!, prospect));
  expect(reference, "the real booking is confirmed").toBeTruthy();
  const emails = await fake.waitForEmails(2, { timeoutMs: 30_000 });
  const managePath = emails.map((email) => MANAGE_LINK.exec(email.html ?? "")?.[1]).find(Boolean);
  expect(managePath, "the confirmation's manage link").toBeTruthy();

  const headers = { "x-forwarded-for": prospect };
  const moveSlots = await offeredSlots(baseUrl, managePath!, headers);
  const targets: Record<keyof typeof stoppersFor, FormTarget> = {
    booking: {
      form: await loadRealForm(baseUrl, "/book", "booking", "fullName", { ...bookingAnswers("flood"), timeZone: "America/New_York", slot: bookingPage.slots[5]!, consent: "yes", website: "" }, headers),
      stoppers: stoppersFor.booking,
    },
    move: { form: await loadRealForm(baseUrl, managePath!, "move", "slot", { slot: moveSlots[5]!, timeZone: "Europe/London" }, headers), stoppers: stoppersFor.move },
    cancel: { form: await loadRealForm(baseUrl, `${managePath}?step=cancel`, "cancel", "token", {}, headers), stoppers: stoppersFor.cancel },
    signIn: {
      form: await loadRealForm(baseUrl, "/admin/sign-in", "sign-in", "password", { email: "someone@example.com", password: "not-anyone's-password" }, { "x-forwarded-for": signInIp }),
      stoppers: stoppersFor.signIn,
    },
  };
  const before = await rowCounts(database.url!);
  const bookedBefore = await theBooking(database.url!, reference!);

  const random = seededRandom(SEED);
  // Every kind of target in each stretch of the flood, weighted towards the booking form.
  const makers: Array<[weight: number, make: () => JunkRequest]> = [
    [22, () => junkSubmission(targets.booking, random, baseUrl)],
    [7, () => junkSubmission(targets.move, random, baseUrl)],
    [4, () => junkSubmission(targets.cancel, random, baseUrl)],
    [8, () => junkSubmission(targets.signIn, random, baseUrl)],
    [20, () => junkWebhook(random, webhookSecret)],
    [19, () => junkNextAuth(random)],
    [20, () => junkRoute(random)],
  ];
  const weights = makers.reduce((sum, [weight]) => sum + weight, 0);
  const labels = new Map<string, string>();
  const next = (index: number): JunkRequest => {
    let ticket = index % weights;
    const [, make] = makers.find(([weight]) => (ticket -= weight) < 0)!;
    const request = make();
    // The sign-in form comes from one address, as a script would; the rest from many.
    const from = request.label.startsWith("sign-in") ? signInIp : clientAddress();
    // Its own id in the server's access log (the server takes it from a trusted proxy: loopback).
    const requestId = `junk-${SEED}-${index}`;
    labels.set(requestId, request.label);
    return { ...request, headers: { "x-forwarded-for": from, "x-request-id": requestId, ...request.headers } };
  };

  const outcomes: JunkOutcome[] = [];
  const statuses = new Map<number | string, number>();
  let peakMb = residentMegabytes(server.pid);
  const startMb = peakMb;
  // The peak in each tenth of the flood: memory that only grows would be a leak, however high the ceiling.
  const tenthPeaks: number[] = [];
  let tenthPeak = 0;
  let done = 0;
  const sampler = setInterval(() => {
    try {
      const now = residentMegabytes(server!.pid);
      peakMb = Math.max(peakMb, now);
      tenthPeak = Math.max(tenthPeak, now);
    } catch {
      // It exited: the checks below say so.
    }
  }, 200);
  try {
    await flood(baseUrl, TOTAL, next, CONCURRENCY, (outcome) => {
      const answer = "status" in outcome ? outcome.status : "closed";
      statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
      if ("error" in outcome || outcome.status >= 500) outcomes.push(outcome);
      if (++done % (TOTAL / 10) === 0) {
        tenthPeaks.push(tenthPeak);
        tenthPeak = 0;
      }
    });
  } finally {
    clearInterval(sampler);
  }
  const closedAfterRefusal = outcomes.filter((outcome) => "error" in outcome).map((outcome) => `${outcome.request.label.slice(0, 60)} (${outcome.request.body?.length ?? 0} B)`);
  if (closedAfterRefusal.length) test.info().annotations.push({ type: "closed while the client was still sending", description: closedAfterRefusal.join("; ") });
  const summary = [...statuses].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([status, count]) => `${status}: ${count}`).join(", ");
  test.info().annotations.push({ type: "answers", description: summary }, { type: "memory", description: `RSS ${startMb.toFixed(0)} MB at the start; peak per tenth ${tenthPeaks.map((mb) => mb.toFixed(0)).join(", ")} MB` });
  console.info(`junk flood (JUNK_SEED=${SEED}): ${TOTAL} requests; answers ${summary}; RSS ${startMb.toFixed(0)} MB at the start, peak per tenth ${tenthPeaks.map((mb) => mb.toFixed(0)).join(", ")} MB`);

  // A connection closed before the client read the answer counts as the answer the server logged
  // for it, when that is a refusal: it answered before reading a body it did not want, and closed.
  const logged = new Map(loggedResponses(server.output()).map((response) => [response.requestId, response.status]));
  const loggedStatus = (outcome: JunkOutcome) => logged.get(outcome.request.headers["x-request-id"]!);
  const failures = outcomes.filter((outcome) => "status" in outcome || !(loggedStatus(outcome)! >= 400 && loggedStatus(outcome)! < 500));
  const described = (outcome: JunkOutcome) => `${outcome.request.label} → ${"status" in outcome ? outcome.status : `${outcome.error} (logged: ${loggedStatus(outcome) ?? "nothing"})`}`;
  expect(failures.map(described), `5xx answers and dropped connections (JUNK_SEED=${SEED})`).toEqual([]);
  expect(serverErrors(server.output()), "5xx in the server's access log").toEqual([]);
  expect(peakMb, `the server's peak RSS (MB), from ${startMb.toFixed(0)} MB at the start`).toBeLessThan(MEMORY_CEILING_MB);
  const firstHalf = Math.max(...tenthPeaks.slice(0, 5));
  expect(Math.max(...tenthPeaks.slice(5)), `the second half's peak RSS against the first half's (${firstHalf.toFixed(0)} MB): no steady growth`).toBeLessThan(firstHalf * 1.25);
  await untilHealthy(server, 10_000);

  // Nothing stored. The sign-in throttle is meant to count and audit failed sign-ins: those rows only.
  const withoutThrottle = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([table]) => !["RateLimitBucket", "AuditEvent"].includes(table)));
  // An outbox row names the request that wrote it: the junk that got through, if any.
  const writtenBy = (await query<{ requestId: string | null }>(database.url!, `SELECT "requestId" FROM "OutboxMessage"`)).map((row) => labels.get(row.requestId ?? "") ?? row.requestId);
  expect(withoutThrottle(await rowCounts(database.url!)), `rows in every table but the sign-in throttle's; outbox rows written by ${writtenBy.join(" | ")}`).toEqual(withoutThrottle(before));
  expect(await theBooking(database.url!, reference!), "the real booking, not moved or cancelled").toEqual(bookedBefore);

  // And the server still does its job: a person books.
  const { form } = await fetchBookingForm(baseUrl, prospect);
  const booked = await postBookingForm(baseUrl, form, bookingAnswers("after"), form.slots[4]!, prospect);
  expect(confirmedReference(booked), "a booking after the flood").toBeTruthy();
});
