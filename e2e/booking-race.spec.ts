import { expect, test, uniqueClientIp } from "./booking-fixtures";
import { CONFIRMED_LOCATION, loadBookingForm, postBooking } from "./booking-http";
import { laneDay } from "./booking-lanes";

const PEOPLE = 20;

test(`${PEOPLE} people sending the same time at once: one is booked, the others are told it was just taken`, async ({ request, baseURL }) => {
  // Twenty renders of /book at once, each with the e2e horizon's 130 days of times in its HTML, have
  // taken 18 s on 2 busy cores before the first post is sent.
  test.slow();
  const forms = await Promise.all(Array.from({ length: PEOPLE }, () => loadBookingForm(request)));
  expect(new Set(forms.map((form) => form.hidden.formToken)).size, "every page carries a fresh form").toBe(PEOPLE);
  const [slot] = laneDay(forms[0]!.slots, "race");

  const responses = await Promise.all(forms.map((form) => postBooking(request, form, slot!, { baseURL, clientIp: uniqueClientIp() })));

  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status >= 500), "no server errors").toEqual([]);
  const booked = responses.filter((response) => response.status() === 303);
  expect(booked, `statuses: ${statuses.join(", ")}`).toHaveLength(1);
  expect(booked[0]!.headers().location).toMatch(CONFIRMED_LOCATION);
  const refused = responses.filter((response) => response.status() !== 303);
  expect(refused.map((response) => response.status())).toEqual(Array(PEOPLE - 1).fill(200));
  for (const response of refused) expect(await response.text()).toContain("That time was just taken; please pick another");

  expect((await loadBookingForm(request)).slots, "the booked time is no longer offered").not.toContain(slot);
  const confirmation = await request.get(booked[0]!.headers().location!);
  expect(confirmation.status()).toBe(200);
});
