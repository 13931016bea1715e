import { afterAll, describe, expect, it } from "vitest";

// Nothing listens on port 9: the health check must answer 503, quickly and without throwing.
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/none";
const { GET } = await import("./route");
const { getDatabase } = await import("@/lib/db/database");

describe("GET /api/health with the database down", () => {
  afterAll(async () => {
    await getDatabase().then((database) => database.close(), () => {});
  });

  it("answers 503 with a short reason, and is never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
  });
});
