import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real CalDAV server for tests: Debian's Radicale on loopback, configured from flags alone, storing
 * into a throwaway folder that `stop()` removes.
 */

export type RadicaleServer = {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** The throwaway folder: the htpasswd file and the collections live in it. */
  folder: string;
  /** The radicale process's id (to check that `stop()` leaves nothing running). */
  pid: number;
  /** Stops Radicale (SIGTERM, SIGKILL after 3 s) and removes the folder; a second call does nothing. */
  stop(): Promise<void>;
};

const RADICALE = "/usr/bin/radicale";
const READY_TIMEOUT_MS = 10_000;
const READY_POLL_MS = 20;
const KILL_AFTER_MS = 3_000;
const PORT_ATTEMPTS = 5;
const MAX_STDERR_CHARS = 20_000;

/** Radicale processes not yet stopped (and their folders), cleaned up if the test process exits without stopping them. */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

function cleanUpOnExit(child: ChildProcess, folder: string) {
  running.set(child, folder);
  child.once("exit", () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const [leftover, leftoverFolder] of running) {
      leftover.kill("SIGTERM");
      rmSync(leftoverFolder, { recursive: true, force: true });
    }
  });
}

/**
 * Starts Radicale on a free loopback port. With `users` (username → password) it checks passwords
 * from a plain htpasswd file; without, any username and password are accepted. Each user may only
 * see their own collections (`/user/…`).
 */
export async function startRadicale(options: { users?: Record<string, string> } = {}): Promise<RadicaleServer> {
  try {
    await access(RADICALE);
  } catch {
    throw new Error(`${RADICALE} is missing: install it with \`apt-get install -y --no-install-recommends radicale\` (.ci/run does)`);
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), "radicale-"));
  try {
    const authFlags = options.users ? await writeHtpasswd(folder, options.users) : ["--auth-type", "none"];
    for (let attempt = 1; ; attempt++) {
      const started = await launch(folder, await freePort(), authFlags);
      if (started.kind === "ready") return started.server;
      // Another process can take the port between our probe closing it and Radicale binding it.
      if (started.kind === "port-taken" && attempt < PORT_ATTEMPTS) continue;
      throw new Error(`Radicale did not start: ${started.reason}\n--- radicale stderr ---\n${started.stderr}`);
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

async function writeHtpasswd(folder: string, users: Record<string, string>): Promise<string[]> {
  const lines = Object.entries(users).map(([user, password]) => {
    if (!user || /[:\s]/.test(user) || /[\r\n]/.test(password)) throw new Error(`unusable Radicale test user ${JSON.stringify(user)}`);
    return `${user}:${password}\n`;
  });
  const file = path.join(folder, "htpasswd");
  await writeFile(file, lines.join(""), { mode: 0o600 });
  return ["--auth-type", "htpasswd", "--auth-htpasswd-filename", file, "--auth-htpasswd-encryption", "plain"];
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

type Launch =
  | { kind: "ready"; server: RadicaleServer }
  | { kind: "port-taken" | "failed"; reason: string; stderr: string };

async function launch(folder: string, port: number, authFlags: string[]): Promise<Launch> {
  const args = [
    ...["--config", ""],
    ...["--server-hosts", `127.0.0.1:${port}`],
    ...authFlags,
    ...["--rights-type", "owner_only"],
    ...["--web-type", "none"],
    ...["--storage-filesystem-folder", path.join(folder, "collections")],
  ];
  // The script's shebang execs python in place, so this pid is the server's own.
  const child = spawn(RADICALE, args, { stdio: ["ignore", "ignore", "pipe"] });
  cleanUpOnExit(child, folder);
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-MAX_STDERR_CHARS);
  });
  let exitReason: string | undefined;
  const exited = new Promise<string>((resolve) => {
    const settle = (reason: string) => resolve((exitReason ??= reason));
    child.once("error", (error) => settle(`could not run ${RADICALE}: ${error.message}`));
    child.once("exit", (code, signal) => settle(`radicale exited (${signal ?? `code ${code}`})`));
  });

  const url = `http://127.0.0.1:${port}`;
  const failure = await Promise.race([exited, waitUntilAnswering(url, () => exitReason === undefined)]);
  if (failure === null && child.exitCode === null && child.pid !== undefined) {
    return { kind: "ready", server: { url, folder, pid: child.pid, stop: onlyOnce(() => stop(child, folder)) } };
  }
  await stopProcess(child);
  return { kind: /already in use/i.test(stderr) ? "port-taken" : "failed", reason: failure ?? "radicale exited", stderr };
}

/** Null once anything answers HTTP on `url`, else why not. */
async function waitUntilAnswering(url: string, isRunning: () => boolean): Promise<string | null> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning()) return "radicale exited";
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return null;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }
  return `no HTTP answer on ${url} within ${READY_TIMEOUT_MS / 1000} s`;
}

function onlyOnce(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}

async function stop(child: ChildProcess, folder: string) {
  await stopProcess(child);
  await rm(folder, { recursive: true, force: true });
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
  await exited;
  clearTimeout(killer);
}

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Creates the calendar collection `/user/name/` with MKCALENDAR (an existing one is left as it is)
 * and returns its URL. By default it holds events only and its display name is `name`.
 */
export async function createRadicaleCalendar(
  server: RadicaleServer,
  user: string,
  password: string,
  name: string,
  options: { displayName?: string; components?: Array<"VEVENT" | "VTODO" | "VJOURNAL"> } = {},
): Promise<string> {
  const url = `${server.url}/${encodeURIComponent(user)}/${encodeURIComponent(name)}/`;
  const components = (options.components ?? ["VEVENT"]).map((component) => `<C:comp name="${component}"/>`).join("");
  const body =
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>` +
    `<D:displayname>${escapeXml(options.displayName ?? name)}</D:displayname>` +
    `<C:supported-calendar-component-set>${components}</C:supported-calendar-component-set>` +
    `</D:prop></D:set></C:mkcalendar>`;
  const response = await fetch(url, {
    method: "MKCALENDAR",
    headers: { authorization: basicAuth(user, password), "content-type": "application/xml; charset=utf-8" },
    body,
  });
  const answer = await response.text();
  if (response.status !== 201 && response.status !== 409) throw new Error(`MKCALENDAR ${url} answered ${response.status}: ${answer}`);
  return url;
}

/** PUTs one iCalendar object into a calendar, replacing any under that name, as the consultant's own calendar app would. */
export async function putRadicaleEvent(calendarUrl: string, user: string, password: string, filename: string, ics: string): Promise<void> {
  const url = new URL(encodeURIComponent(filename), calendarUrl.endsWith("/") ? calendarUrl : `${calendarUrl}/`).href;
  const response = await fetch(url, {
    method: "PUT",
    headers: { authorization: basicAuth(user, password), "content-type": "text/calendar; charset=utf-8" },
    body: ics,
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`PUT ${url} answered ${response.status}: ${answer}`);
}
