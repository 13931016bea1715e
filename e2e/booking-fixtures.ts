import { randomBytes, randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type { BookingField } from "../lib/booking/booking-form-schema";
import { formatSlotRange, groupSlotsByDay } from "../lib/booking/slot-display";
import { parseBookingForm } from "./booking-http";
import { FIRM_TIME_ZONE, dstLaneDays, laneDay, type Lane } from "./booking-lanes";

// What the booking tests share: a client address of their own for every test (the booking rate
// limit counts per address), the day each test books on, and a prospect's answers to the form.

export { expect };
export type { Lane };

const SLOT_MINUTES = 30;

/**
 * A client address no other test uses, from the IPv6 documentation range and random, so tests in
 * other workers and earlier runs against the same database never share a rate-limit bucket.
 */
/** ICU's narrow no-break, no-break and thin spaces as plain ones, to compare what Intl writes with what a page shows. */
export const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

export const uniqueClientIp = () => `2001:db8:${randomBytes(12).toString("hex").match(/.{4}/g)!.join(":")}`;

type BookingFixtures = {
  /** This test's client address: every request of its browser context sends it as X-Forwarded-For. */
  clientIp: string;
  /** Someone else, on another computer: a fresh browser context (same zone, same JavaScript setting) with its own client address. */
  anotherPerson: () => Promise<Page>;
};

export const test = base.extend<BookingFixtures>({
  clientIp: async ({}, provide) => {
    await provide(uniqueClientIp());
  },
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ "x-forwarded-for": clientIp });
  },
  anotherPerson: async ({ browser, baseURL, timezoneId, javaScriptEnabled }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const extraHTTPHeaders = { "x-forwarded-for": uniqueClientIp() };
      const context = await browser.newContext({ baseURL, timezoneId, javaScriptEnabled, extraHTTPHeaders });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/** Everything a prospect may type or choose, as they see it (select options by their label). */
export type Answers = Record<Exclude<BookingField, "slot" | "consent">, string>;

/** A prospect with an email address of their own. */
export function prospect(overrides: Partial<Answers> = {}): Answers {
  return {
    fullName: "Grace Hopper",
    email: `grace.${randomUUID().slice(0, 8)}@example.com`,
    company: "Harbour Logistics",
    jobRole: "Head of Operations",
    phone: "+1 212 555 0100",
    companySize: "51-200 employees",
    topic: "Defining a COO or VP of Operations role",
    message: "We have grown from 40 to 150 people.\nWho should run operations now?",
    ...overrides,
  };
}

const textFields = [
  ["fullName", "Full name"],
  ["email", "Work email"],
  ["company", "Company"],
  ["jobRole", "Your role"],
  ["phone", "Phone"],
  ["message", "Anything we should know?"],
] as const;
const selectFields = [
  ["companySize", "Company size"],
  ["topic", "What would you like to discuss?"],
] as const;

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: label === "Company" });
export const consent = (page: Page) => page.getByRole("checkbox", { name: /^I agree that you may use these details/ });
export const bookButton = (page: Page) => page.getByRole("button", { name: "Book the consultation" });
export const timeZoneSelect = (page: Page) => page.getByLabel("Your time zone");

/** Types and chooses the given answers; anything left out stays as it is. */
export async function fillAnswers(page: Page, answers: Partial<Answers>) {
  for (const [key, label] of textFields) {
    const value = answers[key];
    if (value !== undefined) await field(page, label).fill(value);
  }
  for (const [key, label] of selectFields) {
    const value = answers[key];
    if (value !== undefined) await field(page, label).selectOption({ label: value });
  }
}

/** Every answer given is on the form as it was typed or chosen. */
export async function expectAnswersKept(page: Page, answers: Partial<Answers>) {
  for (const [key, label] of textFields) {
    const value = answers[key];
    if (value !== undefined) await expect(field(page, label), label).toHaveValue(value);
  }
  for (const [key, label] of selectFields) {
    const value = answers[key];
    if (value !== undefined) await expect(field(page, label).locator("option:checked"), label).toHaveText(value);
  }
}

/**
 * The open times /book offers, as its radio values (UTC instants), earliest first: read from the
 * page's HTML, which holds every day's times (with JavaScript the form draws only one day's).
 */
export async function openSlots(page: Page): Promise<string[]> {
  const response = await page.request.get("/book");
  expect(response.status()).toBe(200);
  return [...new Set(parseBookingForm(await response.text()).slots)];
}

/** The open times on the day that belongs to `lane` (see booking-lanes.ts), earliest first. */
export async function laneSlots(page: Page, lane: Lane): Promise<string[]> {
  return laneDay(await openSlots(page), lane);
}

/** The open times on the days the time-zone tests own, by period around the next DST changes. */
export async function dstSlots(page: Page) {
  return dstLaneDays(await openSlots(page));
}

/** How a time appears on the form in `timeZone`: its day on the row of days, its day heading and its own label. */
export function slotLabels(iso: string, timeZone: string) {
  const [day] = groupSlotsByDay([{ startsAt: new Date(iso), endsAt: new Date(iso) }], timeZone);
  return { dayChoice: day!.shortLabel, day: day!.label, time: day!.slots[0]!.label };
}

/** What the confirmation page says about a 30-minute call at `iso` in `timeZone`. */
export function bookedTimeText(iso: string, timeZone: string) {
  const startsAt = new Date(iso);
  return formatSlotRange({ startsAt, endsAt: new Date(startsAt.getTime() + SLOT_MINUTES * 60_000) }, timeZone);
}

/** Where a time is on the form once its day is chosen: under its day heading, by its time. */
export async function timeOnForm(page: Page, iso: string) {
  const { day, time } = slotLabels(iso, await timeZoneSelect(page).inputValue());
  const group = page.getByRole("group", { name: day, exact: true });
  return { radio: group.getByRole("radio", { name: time, exact: true }), chip: group.getByText(time, { exact: true }) };
}

/** The day of `iso` on the row of days: its radio, and the label a person clicks. */
export async function dayOnForm(page: Page, iso: string) {
  const { dayChoice } = slotLabels(iso, await timeZoneSelect(page).inputValue());
  const days = page.getByRole("group", { name: "Open times by day" });
  return { radio: days.getByRole("radio", { name: dayChoice, exact: true }), chip: days.getByText(dayChoice, { exact: true }) };
}

/** Chooses the day of `iso` on the row of days, as a person does, and returns where its time is. */
export async function slotOnForm(page: Page, iso: string) {
  const day = await dayOnForm(page, iso);
  await day.chip.click();
  await expect(day.radio).toBeChecked();
  return timeOnForm(page, iso);
}

/** Chooses the day of `iso`, clicks its time, and checks that the radio it chose carries that instant. */
export async function pickSlot(page: Page, iso: string) {
  const { radio, chip } = await slotOnForm(page, iso);
  await chip.click();
  await expect(radio).toBeChecked();
  await expect(radio).toHaveAttribute("value", iso);
}

/**
 * Opens /book. With JavaScript, waits until the form has taken over and shows the times in the
 * browser's zone (so pick a `timezoneId` other than the firm's for tests that use JavaScript).
 */
export async function openBookingForm(page: Page) {
  await page.goto("/book");
  await expect(page.getByRole("heading", { level: 1, name: "Book a consultation" })).toBeVisible();
  // Without JavaScript the <noscript> button to redraw the times is there; with it, it is not.
  if (await page.getByRole("button", { name: "Show times" }).isVisible()) return;
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(browserZone, "a browser in the firm's own zone gives no sign that the form has taken over").not.toBe(FIRM_TIME_ZONE);
  await expect(timeZoneSelect(page)).toHaveValue(browserZone);
}

/** Fills the whole form for `answers` at `slot`, agrees to the privacy notice and books. */
export async function bookSlot(page: Page, slot: string, answers: Answers = prospect()) {
  await fillAnswers(page, answers);
  await pickSlot(page, slot);
  await consent(page).check();
  await bookButton(page).click();
}

export const REFERENCE = /^OPS-[0-9A-HJKMNP-TV-Z]{6}$/;

/** On the confirmation page: checks the reference's form and the time shown; returns the reference. */
export async function expectConfirmation(page: Page, slot: string, timeZone: string): Promise<string> {
  await expect(page).toHaveURL(/\/book\/confirmed\?ref=OPS-/);
  await expect(page.getByRole("heading", { level: 1, name: "Your consultation is booked" })).toBeVisible();
  const reference = page.getByTestId("booking-reference");
  await expect(reference).toHaveText(REFERENCE);
  await expect(page.getByTestId("booked-time")).toHaveText(bookedTimeText(slot, timeZone));
  const text = (await reference.textContent())!;
  expect(new URL(page.url()).searchParams.get("ref")).toBe(text);
  return text;
}
