import type { BookingRequest } from "./book-consultation";
import type { BookingFormInput } from "./booking-form-schema";
import { bookingFormSchema } from "./booking-form-schema";
import type { BookingSettings } from "./booking-settings";
import { issueFormToken } from "./form-token";

// Small builders for tests that book: each call gives a person of their own.

let people = 0;

/** Monday 2026-11-30, 08:00 in New York: the first open slot is Tuesday 09:00 (24 h notice). */
export const testNow = new Date("2026-11-30T13:00:00.000Z");
export const tuesdayNineAm = new Date("2026-12-01T14:00:00.000Z");

export const testSettings: BookingSettings = {
  availability: {
    timeZone: "America/New_York",
    workingDays: ["mon", "tue", "wed", "thu", "fri"],
    dayStart: "09:00",
    dayEnd: "17:00",
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeHours: 24,
    horizonDays: 30,
  },
  rateLimit: { limit: 5, windowSeconds: 600 },
  staffEmails: ["staff@example.com"],
  minimumFillSeconds: 3,
  reminderHoursBefore: 24,
  secret: "test-secret-test-secret-test-secret-0123",
};

export function bookingFormInput(overrides: Partial<BookingFormInput> = {}): BookingFormInput {
  people += 1;
  return {
    fullName: `Test Person ${people}`,
    email: `person-${people}-${Date.now()}@example.com`,
    company: "Example Manufacturing",
    jobRole: "CEO",
    phone: "+1 212 555 0100",
    companySize: "SIZE_51_200",
    topic: "DEFINE_ROLE",
    message: "We are deciding between a COO and a VP of Operations.",
    slot: tuesdayNineAm.toISOString(),
    consent: "yes",
    ...overrides,
  };
}

/** A request from a person who took a minute over the form, from an address of their own. */
export function bookingRequest(overrides: Partial<Omit<BookingRequest, "form">> & { form?: Partial<BookingFormInput> } = {}): BookingRequest {
  const { form, ...rest } = overrides;
  people += 1;
  return {
    form: bookingFormSchema.parse(bookingFormInput(form)),
    formToken: issueFormToken(new Date(testNow.getTime() - 60_000)),
    honeypot: "",
    timeZone: "Europe/London",
    attribution: { utmSource: "newsletter", landingPage: "/articles/vp-of-operations-vs-coo" },
    clientIp: `198.51.100.${people % 250}`,
    ...rest,
  };
}
