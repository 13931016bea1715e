import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, uniqueClientIp } from "./booking-fixtures";
import { CONFIRMED_LOCATION, loadBookingForm, parseBookingForm, postBooking } from "./booking-http";
import { extraServerPort, startServer, untilHealthy } from "./server-process";
import { laneDay } from "./booking-lanes";

test("one address may book five times in ten minutes; the sixth booking is refused with 429, when to try again and the form with every answer", async ({ request, baseURL }) => {
  const sender = { baseURL, clientIp: uniqueClientIp() };
  const slots = laneDay((await loadBookingForm(request)).slots, "rate-limit");

  for (const slot of slots.slice(0, 5)) {
    const response = await postBooking(request, await loadBookingForm(request), slot, sender);
    expect(response.status(), `booking ${slot}`).toBe(303);
    expect(response.headers().location).toMatch(CONFIRMED_LOCATION);
  }

  const sixth = slots[5]!;
  const refused = await postBooking(request, await loadBookingForm(request), sixth, sender);
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
  const minutes = Math.ceil(retryAfter / 60);
  const page = await refused.text();
  expect(page).toContain(`Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}`);
  // The form again, filled in as sent, the chosen time still chosen.
  const refusedForm = parseBookingForm(page);
  expect(refusedForm.slots).toContain(sixth);
  expect(page).toMatch(/name="fullName"[^>]*value="Katherine Johnson"/);
  expect(page).toMatch(new RegExp(`<input[^>]*checked=""[^>]*value="${sixth.replaceAll(".", "\\.")}"`));
  expect((await loadBookingForm(request)).slots, "the refused booking took nothing").toContain(sixth);

  const someoneElse = await postBooking(request, await loadBookingForm(request), sixth, { baseURL, clientIp: uniqueClientIp() });
  expect(someoneElse.status(), "another address is not held back").toBe(303);
});

test("with no trusted proxy configured, a made-up X-Forwarded-For is not a new client: the limit holds", async ({ request }) => {
  test.slow();
  // A second server from the same build, trusting no proxy, with a limit of one booking; on its own
  // embedded database when the tests have no PostgreSQL (the first one holds theirs).
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "e2e-untrusted-"));
  const server = startServer(extraServerPort(2), { TRUSTED_PROXIES: "", BOOKING_RATE_LIMIT: "1", ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  try {
    await untilHealthy(server);
    const load = async () => parseBookingForm(await (await request.get(`${server.url}/book`)).text());
    const slots = laneDay((await load()).slots, "untrusted-proxy");
    const statuses: number[] = [];
    for (const slot of slots.slice(0, 2)) {
      const response = await postBooking(request, await load(), slot, { baseURL: server.url, clientIp: uniqueClientIp() });
      statuses.push(response.status());
    }
    expect(statuses[1], `the second booking, from another made-up address (first: ${statuses[0]})`).toBe(429);
  } finally {
    await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
