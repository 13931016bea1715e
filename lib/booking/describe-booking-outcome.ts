import type { BookingOutcome } from "./booking-outcome";
import type { BookingFormState } from "./booking-form-state";

type Refusal = Exclude<BookingOutcome, { kind: "booked" }>;

/** The sentence a person sees when a valid form could not be booked, and what to offer instead. */
export function describeBookingOutcome(outcome: Refusal): Pick<BookingFormState, "fieldErrors" | "formError" | "nearest"> {
  switch (outcome.kind) {
    case "slot-taken":
      return {
        fieldErrors: { slot: "That time was just taken; please pick another" },
        nearest: outcome.nearest.map((slot) => slot.startsAt.toISOString()),
      };
    case "slot-unavailable":
      return {
        fieldErrors: { slot: "That time is no longer available; please pick another" },
        nearest: outcome.nearest.map((slot) => slot.startsAt.toISOString()),
      };
    case "rate-limited": {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      return {
        fieldErrors: {},
        formError: `We have received several bookings from your network in the last few minutes. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      };
    }
  }
}
