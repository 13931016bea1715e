import { expect, test, uniqueClientIp } from "./booking-fixtures";
import { CONFIRMED_LOCATION, loadBookingForm, postBooking } from "./booking-http";
import { laneDay } from "./booking-lanes";

test("one address may book five times in ten minutes; the sixth booking is refused with 429 and when to try again", async ({ request, baseURL }) => {
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
  expect(await refused.text()).toContain(`Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}`);
  expect((await loadBookingForm(request)).slots, "the refused booking took nothing").toContain(sixth);

  const someoneElse = await postBooking(request, await loadBookingForm(request), sixth, { baseURL, clientIp: uniqueClientIp() });
  expect(someoneElse.status(), "another address is not held back").toBe(303);
});
