import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { bookingMetrics } from "@/lib/metrics/booking-metrics";
import { scrapeMetrics } from "@/lib/metrics/scrape-metrics";
import { httpMetrics } from "@/lib/metrics/http-metrics";
import { outboxMetrics } from "@/lib/metrics/outbox-metrics";
import { metricsRegistry } from "@/lib/metrics/registry";
import { checkScrapeToken } from "@/lib/metrics/scrape-token";

export const dynamic = "force-dynamic";

// A scrape answers within this even with the database away, as /api/health does (Prometheus waits 10 s by default).
const DATABASE_TIMEOUT_MS = 3_000;
const NO_STORE = { "cache-control": "no-store" };

/** Prometheus' text format, for the holder of METRICS_TOKEN; 404 while it is unset. */
export async function GET(request: Request) {
  const verdict = checkScrapeToken(request.headers.get("authorization"), getConfig().METRICS_TOKEN);
  if (verdict === "disabled") return new Response("Not found\n", { status: 404, headers: NO_STORE });
  if (verdict === "unauthorized") {
    return new Response("A bearer token is required: Authorization: Bearer <METRICS_TOKEN>\n", {
      status: 401,
      headers: { ...NO_STORE, "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  // Each listed from the first scrape on, before anything has counted.
  bookingMetrics();
  outboxMetrics();
  httpMetrics();
  const text = await scrapeMetrics(getPrisma, DATABASE_TIMEOUT_MS);
  return new Response(text, { headers: { ...NO_STORE, "content-type": metricsRegistry().contentType } });
}
