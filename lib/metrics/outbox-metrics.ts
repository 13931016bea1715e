import { Counter, Histogram } from "prom-client";
import { processMetric } from "./registry";

/** What the worker in this process did with outbox rows (emails and calendar writes). */
export function outboxMetrics() {
  return processMetric("outbox", (registry) => ({
    sendSeconds: new Histogram({
      name: "outbox_send_duration_seconds",
      help: "Time to deliver one outbox row: render and hand an email to the provider, or write a calendar event.",
      labelNames: ["kind", "result"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    settled: new Counter({
      name: "outbox_attempts_total",
      help: "Delivery attempts by what became of the row: SENT, PENDING (will retry), FAILED (for good), WITHDRAWN, lost-lease.",
      labelNames: ["kind", "settled"] as const,
      registers: [registry],
    }),
  }));
}
