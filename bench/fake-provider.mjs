// The fake Resend API the app's outbox worker sends to: scripts/fake-resend.ts run by tsx in its
// own process group, on a free port, controlled over its HTTP routes (/_fake/…).
import { openSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawnGroup } from "./process-group.mjs";
import { tail } from "./server.mjs";

const tsx = path.join("node_modules", ".bin", "tsx");

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Starts the fake on `port` (a free one if none); resolves once it answers, with its url and the calls that drive it. */
export async function startFakeProvider(logFile, port) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, "w");
  const { exited, stop } = spawnGroup(tsx, ["scripts/fake-resend.ts", "--port", String(port)], { stdio: ["ignore", log, log] }, 3_000);

  const call = async (method, route, body) => {
    const response = await fetch(`${url}/_fake/${route}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`fake resend: ${method} /_fake/${route} answered ${response.status}`);
    return response.json();
  };
  const provider = {
    url,
    /** {kind:"ok"} | {kind:"hang"} | …; switching out of "hang" answers the hung requests in the new mode. */
    setMode: (mode) => call("POST", "mode", mode),
    /** Forgets emails and requests (and ends hung requests): keeps the fake's memory small between stages. */
    reset: () => call("POST", "reset", {}),
    /** [{ method, path, idempotencyKey, receivedAt, status }], status null while hung or after a drop. */
    requests: () => call("GET", "requests"),
    /** [{ id, idempotencyKey, to, subject, receivedAt, … }] */
    emails: () => call("GET", "emails"),
    stop,
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await Promise.race([provider.requests().then(() => true, () => false), exited.then((how) => `exited (${how})`)]);
    if (ready === true) return provider;
    if (typeof ready === "string") throw new Error(`fake resend ${ready}; last lines of ${logFile}:\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await provider.stop();
  throw new Error(`fake resend did not answer within 30 s; last lines of ${logFile}:\n${tail(logFile)}`);
}
