import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { startFakeResend, type FakeResend } from "../email/fake-resend-server";
import { createResendTransport } from "../email/resend-transport";
import { bookLater, eventually, testWorker } from "./worker-test-fixtures";

// `npm run worker` as its own process, stopped by a real SIGTERM in the middle of a batch.

let database: TestDatabase;
let fake: FakeResend;
const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;
// A build folder of the test's own: npm run worker bundles the worker into it on first start.
const distDir = `.next-worker-test-${process.pid}`;

beforeAll(async () => {
  [database, fake] = await Promise.all([createTestDatabase(), startFakeResend()]);
});
afterAll(async () => {
  await Promise.all([database.destroy(), fake.close()]);
  rmSync(distDir, { recursive: true, force: true });
});

// What `npm run worker` runs (scripts/run-worker.mjs), which passes the signal on to the worker's node.
function startWorkerProcess(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["scripts/run-worker.mjs"], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: database.url,
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: fake.url,
      RESEND_MAX_PER_SECOND: "0.5",
      EMAIL_SEND_TIMEOUT_SECONDS: "60",
      STAFF_NOTIFY_EMAIL: "staff@example.com",
      AUTH_SECRET: "a-secret-for-the-worker-process-test-0123456789",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A port nothing listens on: the system picks it for a server that is closed at once. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

postgresOnly("npm run worker", () => {
  it("stops on SIGTERM in mid-batch: the send in flight finishes, the rest is handed back, nothing is lost or sent twice", async () => {
    for (let i = 0; i < 3; i++) await bookLater(database.prisma, i);
    await database.prisma.rateLimitBucket.create({ data: { key: "booking:203.0.113.9", hits: 3, expiresAt: new Date(Date.now() - 60_000) } });
    fake.setMode({ kind: "hang" });
    const worker = startWorkerProcess();
    await fake.waitForRequests(1, { timeoutMs: 20_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output()}`);
    });
    expect(existsSync(`${distDir}/worker.mjs`), "the worker runs from its bundle, not through tsx").toBe(true);
    const claimed = await database.prisma.outboxMessage.count({ where: { status: "SENDING" } });
    expect(claimed, "a batch claimed").toBeGreaterThan(1);
    await eventually(async () => (await database.prisma.rateLimitBucket.count({ where: { key: "booking:203.0.113.9" } })) === 0, "the worker's clean-up of expired rate-limit rows (they hold IP addresses)");

    worker.child.kill("SIGTERM");
    fake.setMode({ kind: "ok" }); // the hung send is answered now
    expect(await worker.exited, worker.output()).toBe(143);
    expect(worker.output(), worker.output()).toContain('"component":"worker","msg":"stopped"');

    const rows = await database.prisma.outboxMessage.findMany({ where: { kind: { not: "BOOKING_REMINDER" } } });
    expect(rows.filter((row) => row.status === "SENDING"), "nothing left claimed").toEqual([]);
    expect(rows.filter((row) => row.status === "SENT")).toHaveLength(1);
    expect(rows.filter((row) => row.status === "PENDING")).toHaveLength(5);

    const next = testWorker(database.prisma, createResendTransport({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 2_000 }));
    await next.start();
    try {
      await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } })) === 6, "all six sent");
    } finally {
      await next.stop();
    }
    const keys = fake.emails.map((email) => email.idempotencyKey);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
  }, 60_000);

  it("serves its own metrics on WORKER_METRICS_PORT: its sends are counted there", async () => {
    await bookLater(database.prisma, 3);
    const port = await freePort();
    const token = "metrics-token-for-the-worker-process-0123";
    const worker = startWorkerProcess({ WORKER_METRICS_PORT: String(port), METRICS_TOKEN: token });
    try {
      const sent = await eventually(async () => {
        // Refused until the process is listening.
        const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
        const text = response?.status === 200 ? await response.text() : "";
        return /^outbox_attempts_total\{kind="[A-Z_]+",settled="SENT"\} [1-9]/m.test(text) && text;
      }, "an attempt counted at GET /metrics", 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${worker.output()}`);
      });
      expect(sent).toMatch(/^outbox_send_duration_seconds_count\{kind="[A-Z_]+",result="sent"\} [1-9]/m);
      expect(sent).toMatch(/^metrics_database_up 1$/m);
      expect(worker.output()).toContain(`"port":${port}`);
    } finally {
      worker.child.kill("SIGTERM");
    }
    expect(await worker.exited, worker.output()).toBe(143);
    expect(worker.output(), worker.output()).toContain('"component":"worker","msg":"stopped"');
  }, 60_000);

  it("refuses to start without DATABASE_URL, and says why", async () => {
    const child = spawn(process.execPath, ["scripts/run-worker.mjs"], { env: { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(output).toContain("needs DATABASE_URL");
  }, 30_000);
});
