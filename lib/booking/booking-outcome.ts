import type { Slot } from "./generate-slots";

/** What became of a booking request: booked, or why not, with what to offer instead. */
export type BookingOutcome =
  | { kind: "booked"; reference: string }
  | { kind: "slot-taken"; nearest: Slot[] }
  | { kind: "slot-unavailable"; nearest: Slot[] }
  | { kind: "rate-limited"; retryAfterSeconds: number };
