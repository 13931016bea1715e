import { Counter } from "prom-client";
import { processMetric } from "./registry";

export type BookingRefusal = "slot-taken" | "slot-unavailable" | "rate-limited" | "invalid-form" | "database-unavailable" | "error";

/** Bookings made (spam among them counted apart) and refused, by reason. */
export function bookingMetrics() {
  return processMetric("booking", (registry) => ({
    made: new Counter({
      name: "bookings_made_total",
      help: "Bookings stored; spam=true: a honeypot or a too-fast form, stored as SPAM with no slot held and no email.",
      labelNames: ["spam"] as const,
      registers: [registry],
    }),
    refused: new Counter({
      name: "bookings_refused_total",
      help: "Booking attempts not stored, by reason: slot-taken, slot-unavailable, rate-limited, invalid-form, database-unavailable, error.",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
  }));
}
