import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { listenOnPostgres } from "./listen-on-postgres";

/** A free loopback port: taken from the system, then let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** From now on, `port` passes connections through to the PostgreSQL at `target`; returns how to close it. */
async function relay(port: number, target: URL): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const database = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, database]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.once("close", () => sockets.delete(socket));
    }
    client.pipe(database).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      sockets.forEach((socket) => socket.destroy());
    });
}

describe.runIf(process.env.DATABASE_URL)("listening for wake-ups on PostgreSQL", () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("keeps trying when the database cannot be reached at start-up, and hears the first commit once it can", async () => {
    const target = new URL(process.env.DATABASE_URL!);
    const port = await freePort();
    const viaRelay = new URL(target);
    viaRelay.host = `127.0.0.1:${port}`;
    let wakeUps = 0;
    // Nothing listens on the port yet: the first connection is refused, and listening must not give up.
    const stop = await listenOnPostgres(viaRelay.toString(), "listen_test", () => wakeUps++);
    cleanup.push(stop);
    expect(wakeUps).toBe(0);

    cleanup.push(await relay(port, target));
    await expect.poll(() => wakeUps, { timeout: 15_000 }).toBeGreaterThan(0);

    const before = wakeUps;
    const notifier = new pg.Client({ connectionString: target.toString() });
    await notifier.connect();
    cleanup.push(() => notifier.end());
    await notifier.query("SELECT pg_notify('listen_test', '')");
    await expect.poll(() => wakeUps, { timeout: 15_000 }).toBeGreaterThan(before);
  });
});
