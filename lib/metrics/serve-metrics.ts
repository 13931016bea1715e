import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { loggerFor } from "../log/logger";
import { outboxMetrics } from "./outbox-metrics";
import { answerScrape, textAnswer, type ScrapeAnswer } from "./scrape-answer";

const log = loggerFor("metrics");

export type MetricsServerOptions = {
  /** 0: one the system picks. */
  port: number;
  /** Unset: all interfaces. */
  host?: string;
  token: AppConfig["METRICS_TOKEN"];
  prisma: () => Promise<PrismaClient>;
};

export type MetricsServer = { address: AddressInfo; close(): Promise<void> };

/**
 * GET /metrics on a server of its own, for `npm run worker`, which has no app to answer
 * /api/metrics: its sends, its process and the database gauges, under the same token.
 * Resolves once listening (rejects if the port is taken).
 */
export async function serveMetrics({ port, host, token, prisma }: MetricsServerOptions): Promise<MetricsServer> {
  const scrape = async (request: IncomingMessage): Promise<ScrapeAnswer> => {
    if (new URL(request.url ?? "/", "http://metrics").pathname !== "/metrics") return textAnswer(404, "Not found\n");
    if (request.method !== "GET") return textAnswer(405, "Method not allowed\n", { allow: "GET" });
    return answerScrape({ authorization: request.headers.authorization ?? null, token, prisma, listed: [outboxMetrics] });
  };
  const server = createServer((request, response) => {
    scrape(request).then(
      ({ status, headers, body }) => response.writeHead(status, headers).end(body),
      (error: unknown) => {
        log.error({ err: error }, "scrape failed");
        response.writeHead(500, { "cache-control": "no-store" }).end();
      },
    );
  });
  // A client that sends its headers a byte at a time is cut off rather than holding a socket.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.listen(port, host);
  await once(server, "listening");
  return {
    address: server.address() as AddressInfo,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
