import type { PrismaClient } from "../db/generated/client";
import { bookConsultation } from "../booking/book-consultation";
import { bookingRequest, testSettings } from "../booking/booking-test-fixtures";
import { issueFormToken } from "../booking/form-token";
import { listOpenSlots } from "../booking/list-open-slots";
import { outboxEmailDelivery } from "../email/deliver-outbox-email";
import type { EmailTransport } from "../email/email-message";
import type { EmailSettings } from "../email/email-settings";
import { createOutboxWorker, type OutboxWorkerOptions } from "./outbox-worker";

// Builders for tests that book for real (now, not the booking tests' fixed Monday) and send.

export const testEmailSettings: EmailSettings = {
  firm: {
    name: "Example Advisory",
    email: "hello@example-advisory.test",
    phone: "+1 212 555 0199",
    emailFrom: "Example Advisory <hello@example-advisory.test>",
    timeZone: "America/New_York",
    appUrl: "http://localhost:3000",
  },
  secret: testSettings.secret,
};

const HOUR = 3_600_000;

/**
 * Books the `index`-th open time at least two days out, so its reminder is owed later, not now.
 * Returns the lead's id and the person's email.
 */
export async function bookLater(db: PrismaClient, index = 0, form: Parameters<typeof bookingRequest>[0] = {}) {
  const now = new Date();
  const open = (await listOpenSlots(db, testSettings.availability, now)).filter((slot) => slot.startsAt.getTime() > now.getTime() + 48 * HOUR);
  const slot = open[index];
  if (!slot) throw new Error(`no open slot number ${index} in the next ${testSettings.availability.horizonDays} days`);
  const request = bookingRequest({ ...form, formToken: issueFormToken(new Date(now.getTime() - 60_000)), form: { slot: slot.startsAt.toISOString(), ...form.form } });
  const outcome = await bookConsultation(db, request, testSettings, now);
  if (outcome.kind !== "booked") throw new Error(`booking failed: ${outcome.kind}`);
  const lead = await db.lead.findUniqueOrThrow({ where: { reference: outcome.reference }, include: { booking: true } });
  return { lead, booking: lead.booking!, slot, request };
}

/** A worker sending real outbox rows through `transport`, fast: no pacing to speak of, retries at once. */
export function testWorker(db: PrismaClient, transport: EmailTransport, overrides: Partial<OutboxWorkerOptions> = {}) {
  return createOutboxWorker({
    db,
    deliver: outboxEmailDelivery(db, transport, testEmailSettings),
    retry: { maxAttempts: 8, baseSeconds: 0.05 },
    perSecond: 50,
    sendTimeoutSeconds: 2,
    pollSeconds: 0.1 as number,
    log: { info() {}, warn() {}, error() {} },
    ...overrides,
  });
}

/** Polls `check` until it returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
