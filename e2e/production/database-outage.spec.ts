import { expect, test, type Page } from "@playwright/test";
import { startFakeResend, type FakeResend } from "../../lib/email/fake-resend-server";
import { BOOKING_UNAVAILABLE_MESSAGE } from "../../lib/booking/booking-form-state";
import { bookButton, consent, expectAnswersKept, fillAnswers, pickSlot, prospect, uniqueClientIp } from "../booking-fixtures";
import { extraServerPort, startServer, untilHealthy, type ServerProcess } from "../server-process";
import { bookingAnswers, clientAddress, confirmedReference, fetchBookingForm, postBookingForm, type BookingAnswers } from "./booking-clients";
import { startDatabaseRelay, type DatabaseRelay, type RelayOutage } from "./database-relay";
import { loggedResponses, serverErrors } from "./access-log";
import { untilAccepted } from "./email-ledger";
import { createOwnDatabase, type OwnDatabase } from "./own-database";

// The database goes away under a running server, and comes back. Rather than restart the shared
// PostgreSQL, the server reaches its database through a TCP relay that the test cuts: every open
// connection reset, and new ones refused (PostgreSQL down) or swallowed (a host that never answers).
// While it is cut, /book and a booking answer 503 with Retry-After and keep every answer; afterwards
// the same server, untouched, is healthy again, books, and its worker sends the emails owed.

test.setTimeout(6 * 60_000);

let database: OwnDatabase;
let relay: DatabaseRelay;
let fake: FakeResend;
let server: ServerProcess;

test.beforeEach(async () => {
  database = await createOwnDatabase("outage");
  relay = await startDatabaseRelay(database.url!, extraServerPort(21));
  fake = await startFakeResend({ port: extraServerPort(22) });
  server = startServer(extraServerPort(20), {
    ...database.env,
    DATABASE_URL: relay.url,
    WORKER_IN_APP: "true",
    WORKER_POLL_SECONDS: "1",
    RESEND_BASE_URL: fake.url,
    // No reminders: each booking owes exactly its two emails, the prospect's and staff's.
    REMINDER_HOURS_BEFORE: "0",
  });
  await untilHealthy(server);
});

test.afterEach(async () => {
  await server?.stop();
  await relay?.close();
  await fake?.close();
  await database?.drop();
});

async function health(): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(`${server.url}/api/health`);
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after") };
}

/** The page is ours, says plainly that nothing was saved and to try again, and is not an error page. */
function expectTryAgainPage(html: string) {
  expect(html.includes(BOOKING_UNAVAILABLE_MESSAGE), "the sentence").toBe(true);
  expect(html.includes("This page could not be loaded"), "not the error boundary").toBe(false);
  expect(/Application error|Internal Server Error/.test(html), "not Next's own error page").toBe(false);
}

/** Every answer is back in the re-rendered form, and so is the time chosen. */
function expectAnswersInHtml(html: string, answers: BookingAnswers, slot: string) {
  const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => tag);
  const input = (name: string) => inputs.filter((tag) => tag.includes(` name="${name}"`));
  for (const name of ["fullName", "email", "company", "jobRole", "phone"] as const) {
    expect(input(name), name).toEqual([expect.stringContaining(` value="${escaped(answers[name])}"`)]);
  }
  expect(html.includes(`>${escaped(answers.message)}</textarea>`), "the message").toBe(true);
  expect(html.includes(`<option value="${answers.companySize}" selected="">`), "the company size").toBe(true);
  expect(html.includes(`<option value="${answers.topic}" selected="">`), "the topic").toBe(true);
  expect(input("slot").filter((tag) => tag.includes(` value="${slot}"`) && tag.includes(" checked=")), `the time, among ${input("slot").join(" ")}`).toHaveLength(1);
  expect(input("consent").filter((tag) => tag.includes(" checked=")), "the consent").toHaveLength(1);
}

/** A person with JavaScript, the form filled in and a time picked, ready to press "Book". */
async function personAtTheForm(page: Page, slot: string) {
  await page.goto(`${server.url}/book`);
  await expect(page.getByRole("heading", { level: 1, name: "Book a consultation" })).toBeVisible();
  await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
  const answers = prospect();
  await fillAnswers(page, answers);
  await pickSlot(page, slot);
  await consent(page).check();
  return answers;
}

for (const outage of ["refuse", "black-hole"] satisfies RelayOutage[]) {
  test(`database gone (${outage}): 503 and every answer kept, then it recovers by itself and the emails owed go out`, async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "Europe/Berlin", extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
    const page = await context.newPage();

    // Before: a booking goes through, and the form is open in a browser and in an HTTP client.
    const ip = clientAddress();
    const before = await fetchBookingForm(server.url, ip);
    expect(before.status).toBe(200);
    const [early, browserSlot, plainSlot, later] = before.form.slots;
    const booked = await postBookingForm(server.url, before.form, bookingAnswers("before"), early!, ip);
    expect(booked.status).toBe(303);
    const browserAnswers = await personAtTheForm(page, browserSlot!);
    const plain = await fetchBookingForm(server.url, ip);
    const plainAnswers = bookingAnswers("plain");

    await relay.cut(outage);

    // /api/health says so, within its own few seconds.
    await expect.poll(async () => (await health()).status, { timeout: 30_000 }).toBe(503);
    expect(await health()).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable" }, retryAfter: "10" });

    // GET /book: 503 with Retry-After, and a page of ours that says so.
    const get = await fetch(`${server.url}/book`, { headers: { "x-forwarded-for": ip } });
    expect(get.status).toBe(503);
    expect(get.headers.get("retry-after")).toBe("10");
    expectTryAgainPage(await get.text());

    // Any other page that needs the database: 503 with Retry-After too, not a 500.
    const confirmation = await fetch(new URL(booked.location!, server.url), { headers: { "x-forwarded-for": ip } });
    expect(confirmation.status, "the confirmation page").toBe(503);
    expect(confirmation.headers.get("retry-after")).toBe("10");

    // A plain form post: 503 with Retry-After, the same sentence, and the form with every answer.
    const posted = await postBookingForm(server.url, plain.form, plainAnswers, plainSlot!, ip);
    expect(posted.status).toBe(503);
    expect(posted.retryAfter).toBe("10");
    expectTryAgainPage(posted.html);
    expectAnswersInHtml(posted.html, plainAnswers, plainSlot!);

    // With JavaScript: the same sentence on the form, every answer and the time still there.
    const actionAnswer = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/book");
    await bookButton(page).click();
    expect((await actionAnswer).status()).toBe(503);
    const alert = page.getByRole("alert", { name: "Your booking was not made" });
    await expect(alert).toContainText(BOOKING_UNAVAILABLE_MESSAGE, { timeout: 30_000 });
    await expectAnswersKept(page, browserAnswers);
    await expect(page.locator(`input[name="slot"][value="${browserSlot}"]`)).toBeChecked();
    await expect(consent(page)).toBeChecked();

    await relay.restore();

    // Back by itself: healthy within a bounded wait, with no restart.
    await expect.poll(async () => (await health()).status, { timeout: 60_000, intervals: [250] }).toBe(200);
    // The person presses "Book" again on the same form, and is booked.
    await bookButton(page).click();
    await expect(page).toHaveURL(/\/book\/confirmed\?ref=OPS-/, { timeout: 30_000 });
    // The plain client sends the form again (same token) and is booked too; and a new one books.
    const resent = await postBookingForm(server.url, plain.form, plainAnswers, plainSlot!, ip);
    expect(confirmedReference(resent), `status ${resent.status}`).toBeDefined();
    const fresh = await fetchBookingForm(server.url, ip);
    expect(fresh.status).toBe(200);
    expect(fresh.form.slots, "the times booked are no longer offered").not.toContain(browserSlot);
    const after = await postBookingForm(server.url, fresh.form, bookingAnswers("after"), later!, ip);
    expect(confirmedReference(after), `status ${after.status}`).toBeDefined();

    // Every email owed, to the four prospects and to staff, reaches the provider: the worker came back too.
    const { PrismaClient } = await import("../../lib/db/generated/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const direct = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url! }) });
    try {
      const rows = await direct.outboxMessage.findMany({ select: { id: true, lead: { select: { email: true } } } });
      expect(rows).toHaveLength(4 * 2);
      expect(new Set(rows.map((row) => row.lead?.email))).toContain(browserAnswers.email);
      expect(new Set(rows.map((row) => row.lead?.email))).toContain(plainAnswers.email);
      const ledger = await untilAccepted(fake, rows.map((row) => row.id), 90_000);
      for (const row of rows) expect(ledger.get(row.id)?.accepted, `outbox row ${row.id}`).toBe(1);
    } finally {
      await direct.$disconnect();
    }
    expect(loggedResponses(server.output()).filter((response) => response.status === 503).length, "the 503s are in the access log").toBeGreaterThanOrEqual(3);
    expect(serverErrors(server.output()), "no other 5xx, ever").toEqual([]);
    await context.close();
  });
}
