import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { bookingMetrics } from "@/lib/metrics/booking-metrics";
import { httpMetrics } from "@/lib/metrics/http-metrics";
import { outboxMetrics } from "@/lib/metrics/outbox-metrics";
import { answerScrape } from "@/lib/metrics/scrape-answer";

export const dynamic = "force-dynamic";

/** Prometheus' text format, for the holder of METRICS_TOKEN; 404 while it is unset. */
export async function GET(request: Request) {
  const { status, headers, body } = await answerScrape({
    authorization: request.headers.get("authorization"),
    token: getConfig().METRICS_TOKEN,
    prisma: getPrisma,
    listed: [bookingMetrics, outboxMetrics, httpMetrics],
  });
  return new Response(body, { status, headers });
}
