import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { attachment, emailsTo, type CapturedEmail } from "./captured-emails";
import { bookSlot, bookedTimeText, expect, expectConfirmation, laneSlots, openBookingForm, pickSlot, prospect, slotOnForm, test, type Lane } from "./booking-fixtures";
import { eventProperty, icsUtc, parseIcs } from "./booking-ics";
import { FIRM_TIME_ZONE } from "./booking-lanes";
import { expectNoAccessibilityViolations } from "./axe";

// The prospect's side of the emails: the confirmation's manage link moves and then cancels the
// booking, and each invite they receive is the same calendar event, later in SEQUENCE.

const STAFF = process.env.STAFF_NOTIFY_EMAIL ?? process.env.FIRM_EMAIL ?? "hello@smallbusiness.management";
const MANAGE_LINK = /https?:\/\/[^\s"<>]+\/book\/manage\/[A-Za-z0-9_-]{43}/;

function invite(email: CapturedEmail) {
  const file = attachment(email, "invite.ics");
  const properties = parseIcs(file.text);
  const method = properties.find((property) => property.name === "METHOD")?.value;
  return {
    contentType: file.contentType,
    method,
    uid: eventProperty(properties, "UID"),
    sequence: Number(eventProperty(properties, "SEQUENCE")),
    start: eventProperty(properties, "DTSTART"),
    status: eventProperty(properties, "STATUS"),
  };
}

async function bookAndOpenManageLink(page: Page, lane: Lane, timeZone: string) {
  const answers = prospect({ fullName: `Ada Manage ${randomUUID().slice(0, 6)}` });
  await openBookingForm(page);
  const [first, second] = await laneSlots(page, lane);
  await bookSlot(page, first!, answers);
  const reference = await expectConfirmation(page, first!, timeZone);

  const [confirmation] = await emailsTo(answers.email, { subject: /^Your call with/ });
  const booked = invite(confirmation!);
  expect(booked).toMatchObject({ contentType: "text/calendar; method=REQUEST", method: "REQUEST", sequence: 0, start: icsUtc(new Date(first!)), status: "CONFIRMED" });
  expect(booked.uid).toMatch(new RegExp(`^${reference}@`));
  const [toStaff] = await emailsTo(STAFF, { subject: new RegExp(`^New call: ${answers.fullName}`) });
  expect(toStaff!.replyTo.join()).toContain(answers.email);

  const link = MANAGE_LINK.exec(confirmation!.text!)?.[0];
  expect(link, "the confirmation carries the manage link").toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Your consultation" })).toBeVisible();
  await expect(page.getByTestId("managed-time")).toHaveText(bookedTimeText(first!, timeZone));
  await expect(page.locator('meta[name="robots"]'), "the link's page stays out of search engines").toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]'), "and its address off other sites").toHaveAttribute("content", "same-origin");
  return { answers, reference, first: first!, second: second!, uid: booked.uid, path: new URL(link!).pathname };
}

async function moveAndCancel(page: Page, lane: Lane, timeZone: string, { checkAccessibility = false } = {}) {
  const { answers, first, second, uid, path } = await bookAndOpenManageLink(page, lane, timeZone);
  if (checkAccessibility) await expectNoAccessibilityViolations(page);

  await pickSlot(page, second);
  await page.getByRole("button", { name: "Move my call to this time" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your call has moved" })).toBeVisible();
  await expect(page.getByTestId("managed-time")).toHaveText(bookedTimeText(second, timeZone));
  const [moved] = await emailsTo(answers.email, { subject: /has moved to/ });
  expect(invite(moved!)).toMatchObject({ method: "REQUEST", uid, sequence: 1, start: icsUtc(new Date(second)) });
  await emailsTo(STAFF, { subject: new RegExp(`^Moved: ${answers.fullName}`) });

  // The time it left is anyone's again.
  await openBookingForm(page);
  await expect((await slotOnForm(page, first)).radio).toBeEnabled();
  await expect((await slotOnForm(page, second)).radio).toHaveCount(0);

  await page.goto(path);
  await page.getByRole("link", { name: "Cancel this call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cancel your call?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, cancel my call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your call is cancelled" })).toBeVisible();
  const [cancelled] = await emailsTo(answers.email, { subject: /^Cancelled:/ });
  expect(invite(cancelled!)).toMatchObject({ contentType: "text/calendar; method=CANCEL", method: "CANCEL", uid, sequence: 2, status: "CANCELLED" });
  await emailsTo(STAFF, { subject: new RegExp(`^Cancelled: ${answers.fullName}`) });

  // The link is spent: it shows what happened and offers a new booking.
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "This call was cancelled" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a new call" })).toBeVisible();
}

test.describe("with JavaScript", () => {
  test.use({ timezoneId: "Europe/London" });

  test("a prospect moves their call from the emailed link, then cancels it, and each invite updates the same event", async ({ page }) => {
    // Two bookings' worth of pages, five emails and axe over a page of times: on two busy cores, minutes.
    test.setTimeout(180_000);
    await moveAndCancel(page, "manage", "Europe/London", { checkAccessibility: true });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the manage page moves and cancels with plain form posts", async ({ page }) => {
    test.setTimeout(150_000);
    await moveAndCancel(page, "manage-no-js", FIRM_TIME_ZONE);
  });
});

test("an unknown manage link gets a clear page with the firm's contact details, not an error", async ({ page }) => {
  const response = await page.goto(`/book/manage/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that booking" })).toBeVisible();
  await expect(page.getByTestId("firm-contact")).toContainText("@");
  const malformed = await page.goto("/book/manage/%3Cscript%3E");
  expect(malformed?.status()).toBe(404);
});
