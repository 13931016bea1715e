import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";
import { openDatabase } from "./open-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

// The errors a real outage produces, caught from the real drivers: nothing here is made up by hand.

const failureOf = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
};

/** A port on loopback that nothing listens on (taken from the system, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.runIf(process.env.DATABASE_URL)("recognising an unreachable PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("a refused connection, from a model query and from raw SQL", async () => {
    const url = new URL(database.url!);
    url.port = String(await closedPort());
    const nowhere = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 });
    try {
      expect(isDatabaseUnavailable(await failureOf(() => nowhere.prisma.lead.count()))).toBe(true);
      expect(isDatabaseUnavailable(await failureOf(() => nowhere.prisma.$queryRaw`SELECT 1`))).toBe(true);
    } finally {
      await nowhere.close();
    }
  });

  it("a connection PostgreSQL ends mid-query, as on a restart (57P01)", async () => {
    const [{ pid }] = await database.prisma.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
    const sleeping = failureOf(() => database.prisma.$queryRaw`SELECT pg_sleep(30) WHERE pg_backend_pid() = ${pid}`);
    // Another of the pool's connections ends whichever one runs the sleep.
    await expect
      .poll(async () => {
        const [{ ended }] = await database.prisma.$queryRaw<[{ ended: number }]>`
          SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
          WHERE query LIKE 'SELECT pg_sleep(30)%' AND pid <> pg_backend_pid()`;
        return ended;
      })
      .toBe(1);
    expect(isDatabaseUnavailable(await sleeping)).toBe(true);
  });

  it("not a query that is wrong, nor a constraint that refuses it", async () => {
    expect(isDatabaseUnavailable(await failureOf(() => database.prisma.$queryRawUnsafe("SELEC 1")))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(() => database.prisma.$queryRaw`SELECT 1 / 0`))).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
