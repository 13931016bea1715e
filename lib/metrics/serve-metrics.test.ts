import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { serveMetrics, type MetricsServer } from "./serve-metrics";

// The worker's metrics server on a port of its own, over a database of its own: with no token set, and with one.
const TOKEN = "metrics-token-for-the-worker-test-0123";
let database: TestDatabase;
let withToken: MetricsServer;
let withoutToken: MetricsServer;

const get = (server: MetricsServer, path: string, authorization?: string) =>
  fetch(`http://127.0.0.1:${server.address.port}${path}`, { headers: authorization === undefined ? {} : { authorization } });

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  database = await createTestDatabase();
  const prisma = async () => database.prisma;
  [withToken, withoutToken] = await Promise.all([
    serveMetrics({ port: 0, host: "127.0.0.1", token: TOKEN, prisma }),
    serveMetrics({ port: 0, host: "127.0.0.1", token: undefined, prisma }),
  ]);
});
afterAll(async () => {
  await Promise.all([withToken?.close(), withoutToken?.close()]);
  await database?.destroy();
});

const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;

postgresOnly("the worker's GET /metrics", () => {
  it("answers 404 while no token is set, whatever the request carries", async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await get(withoutToken, "/metrics", authorization);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("# TYPE");
    }
  });

  it("answers 401 without the token or with a wrong one, and never caches", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token-0123", `Basic ${TOKEN}`]) {
      const response = await get(withToken, "/metrics", authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).not.toContain("# TYPE");
    }
  });

  it("serves Prometheus' text format to the holder of the token: the outbox's histogram and the database gauges", async () => {
    const response = await get(withToken, "/metrics?from=prometheus", `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("# TYPE outbox_send_duration_seconds histogram");
    expect(text).toContain("# TYPE outbox_attempts_total counter");
    expect(text).toMatch(/^outbox_messages\{status="PENDING"\} 0$/m);
    expect(text).toMatch(/^metrics_database_up 1$/m);
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("answers nothing else: 404 for another path, 405 for another method", async () => {
    for (const path of ["/", "/api/metrics", "/metrics/", "/other"]) {
      const response = await get(withToken, path, `Bearer ${TOKEN}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("# TYPE");
    }
    const post = await fetch(`http://127.0.0.1:${withToken.address.port}/metrics`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });
});
