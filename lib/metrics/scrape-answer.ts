import type { AppConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { metricsRegistry } from "./registry";
import { scrapeMetrics } from "./scrape-metrics";
import { checkScrapeToken } from "./scrape-token";

// A scrape answers within this even with the database away, as /api/health does (Prometheus waits 10 s by default).
const DATABASE_TIMEOUT_MS = 3_000;
const NO_STORE = { "cache-control": "no-store" };

export type ScrapeAnswer = { status: number; headers: Record<string, string>; body: string };

export type ScrapeRequest = {
  /** The request's Authorization header. */
  authorization: string | null;
  token: AppConfig["METRICS_TOKEN"];
  prisma: () => Promise<PrismaClient>;
  /** The process's metrics to list from the first scrape on, before anything has counted. */
  listed: ReadonlyArray<() => unknown>;
};

/** A short answer in words, never cached. */
export const textAnswer = (status: number, body: string, headers: Record<string, string> = {}): ScrapeAnswer => ({
  status,
  headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

/**
 * A scrape as the app's /api/metrics and the worker's /metrics answer it: Prometheus' text format
 * for the holder of METRICS_TOKEN, 401 for anyone else, 404 while the token is unset.
 */
export async function answerScrape({ authorization, token, prisma, listed }: ScrapeRequest): Promise<ScrapeAnswer> {
  const verdict = checkScrapeToken(authorization, token);
  if (verdict === "disabled") return textAnswer(404, "Not found\n");
  if (verdict === "unauthorized") {
    return textAnswer(401, "A bearer token is required: Authorization: Bearer <METRICS_TOKEN>\n", { "www-authenticate": 'Bearer realm="metrics"' });
  }
  for (const metrics of listed) metrics();
  const body = await scrapeMetrics(prisma, DATABASE_TIMEOUT_MS);
  return { status: 200, headers: { ...NO_STORE, "content-type": metricsRegistry().contentType }, body };
}
