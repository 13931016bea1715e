import { loggerFor } from "../log/logger";
import { bookingMetrics, type BookingRefusal } from "../metrics/booking-metrics";
import type { BookingOutcome } from "./booking-outcome";

const log = loggerFor("booking");

/** One log line and one count for each booking decided: made (spam or not), or refused and why. */
export function recordBookingOutcome(outcome: BookingOutcome, spam: boolean): void {
  if (outcome.kind === "booked") {
    bookingMetrics().made.inc({ spam: String(spam) });
    log.info({ reference: outcome.reference, spam }, spam ? "booked as spam (no slot held, no email)" : "booked");
    return;
  }
  recordBookingRefusal(outcome.kind, outcome.kind === "rate-limited" ? { retryAfterSeconds: outcome.retryAfterSeconds } : {});
}

/** A booking refused before or around bookConsultation: the form did not parse, or the database failed. */
export function recordBookingRefusal(reason: BookingRefusal, detail: Record<string, unknown> = {}): void {
  bookingMetrics().refused.inc({ reason });
  log.info({ reason, ...detail }, "booking refused");
}
