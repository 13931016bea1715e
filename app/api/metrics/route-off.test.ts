import { afterAll, describe, expect, it } from "vitest";

// Without METRICS_TOKEN the endpoint does not exist; with the database down it still answers.
delete process.env.METRICS_TOKEN;
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/none";
const { GET } = await import("./route");

describe("GET /api/metrics without METRICS_TOKEN", () => {
  afterAll(async () => {
    const { getDatabase } = await import("@/lib/db/database");
    await getDatabase().then((database) => database.close(), () => {});
  });

  it("answers 404 whatever the request carries", async () => {
    for (const authorization of [undefined, "Bearer anything-at-all-0123456789"]) {
      const response = await GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("# TYPE");
    }
  });
});
