import { afterAll, describe, expect, it } from "vitest";

// Nothing listens on port 9: a scrape must still answer, saying the database did not.
const TOKEN = "metrics-token-for-the-route-test-0123";
process.env.METRICS_TOKEN = TOKEN;
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/none";
const { GET } = await import("./route");

describe("GET /api/metrics with the database down", () => {
  afterAll(async () => {
    const { getDatabase } = await import("@/lib/db/database");
    await getDatabase().then((database) => database.close(), () => {});
  });

  it("answers 200 with the process's own metrics, metrics_database_up 0 and no stale database gauges", async () => {
    const response = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^metrics_database_up 0$/m);
    expect(text).toContain("# TYPE bookings_made_total counter");
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).not.toMatch(/^outbox_messages\{/m);
    expect(text).not.toMatch(/^outbox_oldest_overdue_seconds /m);
  });
});
