import { Histogram } from "prom-client";
import { processMetric } from "./registry";

/** Request latency as the server saw it, by route pattern (never the raw path: its values are unbounded). */
export function httpMetrics() {
  return processMetric("http", (registry) => ({
    requestSeconds: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  }));
}
