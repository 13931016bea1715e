// npm run bench: booking throughput and latency of the production build over PostgreSQL, each as
// a ratio to a plain node-postgres transaction writing the same rows, measured in the same run
// against the same database server; with the email provider (a fake Resend) answering and with it
// hanging; the time from a booking's commit to its emails reaching the provider; and /book and
// bookings with consultants and their busy times, as ratios to the same without them; the article
// under load against a plain node:http server sending its bytes, its weight against an empty page,
// Lighthouse on three pages, the admin at 100,000 leads; then one table of every figure. A report,
// not a test: nothing here asserts a timing; the exit status is non-zero only when a booking (or
// another request) went wrong. See bench/README.md.
import { execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bookingFields, clientAddress, keepAliveAgent, multipart, parseBookingForm, request } from "../bench/app-client.mjs";
import { baselineBooking } from "../bench/baseline.mjs";
import * as consultants from "../bench/consultants.mjs";
import { measureCpu } from "../bench/cpu.mjs";
import * as database from "../bench/database.mjs";
import { startFakeProvider } from "../bench/fake-provider.mjs";
import { spawnGroup } from "../bench/process-group.mjs";
import { percentile, round, runLoad, summarize, summarizeLatencies } from "../bench/load.mjs";
import { consultantRatios, formatConsultants, formatResults, hangingVsOk, ratios } from "../bench/report.mjs";
import * as server from "../bench/server.mjs";
import { formatBudget, formatCpuProfile } from "../bench/budget.mjs";
import { monotonicMicroseconds, profileIn, summariseProfile } from "../bench/cpu-profile.mjs";
import { auditRetrying, lighthouseMissing, medianRun } from "../bench/lighthouse.mjs";
import { trackRss } from "../bench/memory.mjs";
import { BROWSER_ACCEPT_ENCODING, captureResponses, firstArticlePath, get, pageWeight } from "../bench/pages.mjs";
import { runWrk, wrkMissing } from "../bench/wrk.mjs";

const env = process.env;
const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const STAGES = ["article", "weight", "lighthouse", "cluster", "bookings", "consultants", "admin"];
const port = number("BENCH_PORT", 3200);
const settings = {
  // BENCH_ONLY=consultants (or bookings: baseline, health, app, the CPU profile and commit → send; …) runs just those.
  stages: (env.BENCH_ONLY || STAGES.join(",")).split(",").map((name) => name.trim()).filter(Boolean),
  port,
  // Every other port the bench listens on follows BENCH_PORT.
  ports: { plain: port + 1, provider: port + 2, chrome: port + 3, cluster: port + 4, clusterApps: [port + 5, port + 6], admin: number("BENCH_ADMIN_PORT", port + 91) },
  // Lighthouse runs per page: its simulated timings swing by 10-15 points from run to run on a
  // machine of this kind, so the table gives the median run and the range.
  lighthouseRuns: number("BENCH_LIGHTHOUSE_RUNS", 3),
  // Through npm run cluster: bookings per level (after 50 unmeasured), the article as above.
  cluster: { requests: number("BENCH_CLUSTER_REQUESTS", 400), maxSeconds: 15 },
  // The article under wrk's load (as the issue measured it: wrk -t2 -c50), each target after a warm-up.
  article: { threads: 2, connections: number("BENCH_ARTICLE_CONNECTIONS", 50), seconds: number("BENCH_ARTICLE_SECONDS", 10), warmupSeconds: 3 },
  // A second run of bookings at the top level on a server started with --cpu-prof (0: none).
  profile: { bookings: number("BENCH_PROFILE_BOOKINGS", 400) },
  concurrency: (env.BENCH_CONCURRENCY ?? "10,50").split(",").map(Number),
  // Levels at which the app stage runs a second time with the provider hanging.
  hangingConcurrency: (env.BENCH_HANGING_CONCURRENCY ?? env.BENCH_CONCURRENCY ?? "10,50").split(",").filter(Boolean).map(Number),
  app: { requests: number("BENCH_APP_REQUESTS", 800), maxSeconds: 15 },
  // Commit → send, on a server restarted with its pacing raised so the pacer does not set the figure.
  latency: { bookings: number("BENCH_LATENCY_BOOKINGS", 50), warmup: 5, resendPerSecond: number("BENCH_LATENCY_RESEND_PER_SECOND", 50), timeoutSeconds: 20 },
  baseline: { requests: number("BENCH_BASELINE_REQUESTS", 4000), maxSeconds: 10 },
  health: { requests: 2000, maxSeconds: 5 },
  // levelApp: unmeasured bookings before each level's app blocks, which otherwise start slow.
  warmup: { app: 50, baseline: 300, health: 300, concurrency: 10, levelApp: 100 },
  poolSize: number("DATABASE_POOL_SIZE", 10),
  // 5-minute calls over 60 days give ~4,000 distinct open slots: one per POST of every stage (the
  // per-booking slot check looks at the one day, so the horizon does not slow it).
  horizonDays: number("BENCH_HORIZON_DAYS", 60),
  slotMinutes: number("BENCH_SLOT_MINUTES", 5),
  // The load stages' pacing: the app's default. An email costs the app server more CPU than a
  // booking, so at a high pace the worker's work, not the provider's state, sets the figures.
  resendPerSecond: number("BENCH_RESEND_PER_SECOND", 2),
  // Short, so that hung sends time out and are retried within the few seconds of a hanging stage.
  sendTimeoutSeconds: number("BENCH_EMAIL_SEND_TIMEOUT_SECONDS", 2),
  adminUrl: env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  build: env.BENCH_SKIP_BUILD !== "1", // reuse the .next-bench left by BENCH_KEEP_BUILD=1
  keepBuild: env.BENCH_KEEP_BUILD === "1",
  // GET /book and bookings with consultants, each as a ratio to the same without them. Blocks per
  // round: none, consultants, consultants, none; `requests` and `maxSeconds` are per block.
  consultants: {
    count: number("BENCH_CONSULTANTS", 3),
    busyEach: number("BENCH_CONSULTANT_BUSY_INTERVALS", 500),
    concurrency: number("BENCH_CONSULTANTS_CONCURRENCY", 10),
    rounds: number("BENCH_CONSULTANTS_ROUNDS", 2),
    // GET /book's page: production's defaults (about 340 slots).
    page: { slotMinutes: number("BENCH_CONSULTANTS_PAGE_SLOT_MINUTES", 30), horizonDays: number("BENCH_CONSULTANTS_PAGE_HORIZON_DAYS", 30) },
    render: { requests: 1000, maxSeconds: number("BENCH_CONSULTANTS_RENDER_SECONDS", 6) },
    bookings: { requests: number("BENCH_CONSULTANTS_BOOKINGS", 300), maxSeconds: 10 },
    warmup: { renders: 50, bookings: 50 }, // per mode
  },
};
const unknownStages = settings.stages.filter((name) => !STAGES.includes(name));
if (unknownStages.length > 0) throw new Error(`BENCH_ONLY: no stage ${unknownStages.join(", ")}; the stages are ${STAGES.join(", ")}`);
const distDir = ".next-bench"; // gitignored, but not ignored by eslint: removed after the run
const resultsDir = "bench/results";
const dbName = `bench_${Date.now()}`;
const dbUrl = database.databaseUrl(settings.adminUrl, dbName);
const serverEnv = {
  ...env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  APP_URL: `http://127.0.0.1:${settings.port}`,
  DATABASE_URL: dbUrl,
  DATABASE_POOL_SIZE: String(settings.poolSize),
  MIGRATE_ON_START: "true",
  BOOKING_HORIZON_DAYS: String(settings.horizonDays),
  CONSULTATION_MINUTES: String(settings.slotMinutes),
  BUFFER_MINUTES: "0",
  BOOKING_MIN_FILL_SECONDS: "0", // otherwise an instant submission is a script's, stored as SPAM
  MIN_NOTICE_HOURS: "24",
  BOOKING_RATE_LIMIT: "5",
  BOOKING_RATE_WINDOW_SECONDS: "600",
  // The bench stands in for a proxy on loopback: each client books from an address of its own.
  TRUSTED_PROXIES: "loopback",
  // Emails go through the resend SDK to the fake (RESEND_BASE_URL, added once it listens), sent by
  // the server's own outbox worker. Production requires the key and the secret.
  EMAIL_DELIVERY: "resend",
  WORKER_IN_APP: "true",
  RESEND_API_KEY: "re_bench",
  AUTH_SECRET: randomBytes(30).toString("base64url"),
  RESEND_MAX_PER_SECOND: String(settings.resendPerSecond),
  EMAIL_SEND_TIMEOUT_SECONDS: String(settings.sendTimeoutSeconds),
};

const log = (message) => console.log(`[bench] ${message}`);
const started = Date.now();
let app; // the running server
let plain; // the plain node:http server of the article stage
let provider; // the fake Resend
let appDatabase; // the database the running server uses
let pool; // the baseline's node-postgres pool
const databasesCreated = [];

async function cleanUp() {
  await app?.stop().catch((error) => console.error(`[bench] stopping the server: ${error.message}`));
  app = undefined;
  plain?.kill("SIGTERM");
  plain = undefined;
  await cluster?.stop().catch((error) => console.error(`[bench] stopping the cluster: ${error.message}`));
  cluster = undefined;
  await provider?.stop().catch((error) => console.error(`[bench] stopping the fake provider: ${error.message}`));
  provider = undefined;
  await pool?.end().catch(() => {});
  pool = undefined;
  while (env.BENCH_KEEP_DB !== "1" && databasesCreated.length > 0) {
    const name = databasesCreated.pop();
    await database.dropDatabase(settings.adminUrl, name).catch((error) => console.error(`[bench] dropping ${name}: ${error.message}`));
  }
  if (settings.build && !settings.keepBuild) rmSync(distDir, { recursive: true, force: true });
}
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.once(signal, () => cleanUp().finally(() => process.exit(code)));

function withoutPassword(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function createBenchDatabase(name) {
  await database.createDatabase(settings.adminUrl, name);
  databasesCreated.push(name);
}

/** (Re)starts the server on `name`, a bench database; it applies the migrations as it starts. */
async function startApp(name, logFile, extraEnv = {}, options = {}) {
  await app?.stop();
  app = undefined;
  app = await server.start({ ...serverEnv, DATABASE_URL: database.databaseUrl(settings.adminUrl, name), ...extraEnv }, settings.port, logFile, options);
  appDatabase = name;
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", () => reject(new Error(`port ${port} is in use; set BENCH_PORT`)));
    probe.listen(port, "127.0.0.1", () => probe.close(resolve));
  });
}

// --- Driving the app -----------------------------------------------------------------------------

const references = [];
const statusCounts = {};
// Where the booking requests go: the app server, or nginx in front of the cluster's instances.
let appPort = settings.port;

async function fetchForm(agent) {
  const response = await request(agent, appPort, { path: "/book" });
  if (response.status !== 200) throw new Error(`GET /book answered ${response.status}`);
  return parseBookingForm(response.body);
}

const pageText = (html) => html.replace(/^[\s\S]*?<main/, "<main").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);

async function postBooking(agent, form, index) {
  const response = await request(agent, appPort, {
    method: "POST",
    path: "/book",
    headers: {
      "content-type": form.contentType,
      "content-length": form.body.length,
      origin: `http://127.0.0.1:${appPort}`, // as browsers send with a form POST; without it Next.js logs a warning per request
      "x-forwarded-for": clientAddress(index),
    },
    body: form.body,
  });
  statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
  const location = response.headers.location ?? "";
  if (response.status === 303 && location.startsWith("/book/confirmed?ref=")) {
    references.push(new URL(location, "http://app").searchParams.get("ref"));
    return { ok: true };
  }
  return { ok: false, status: response.status, detail: location || pageText(response.body) };
}

// The encoded booking forms, in the order the POSTs take them (nextForm is the next one's index).
const forms = [];

/** One fresh form per slot in `slots`, added to `forms`, each booking its own slot, encoded before any timing starts. */
async function collectForms(url, slots) {
  const agent = keepAliveAgent(2);
  const first = forms.length;
  await database.holdAllSlots(url, settings.horizonDays + 2);
  try {
    const result = await runLoad({
      concurrency: 2,
      count: slots.length,
      maxSeconds: 600,
      task: async (n) => {
        const { hidden } = await fetchForm(agent);
        forms[first + n] = multipart({ ...hidden, ...bookingFields(first + n, slots[n]) });
        return { ok: true };
      },
    });
    if (result.failures.length > 0) throw new Error(`could not fetch forms: ${result.failures[0].detail}`);
    log(`collected ${slots.length} forms in ${result.seconds.toFixed(1)} s`);
  } finally {
    agent.destroy();
    await database.releaseAllSlots(url);
  }
}

// --- Stages --------------------------------------------------------------------------------------

let nextForm = 0;
let nextBaseline = 0;
const FAR_FUTURE = Date.UTC(2100, 0, 1); // baseline slots: distinct, and nowhere near the app's
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One timed run of a stage's requests: each latency, and the CPU per request. Over `shared`'s
 * connections when given (opened by an earlier run), else over new ones closed at the end.
 */
async function run(name, concurrency, { requests, maxSeconds }, shared = undefined) {
  const agent = shared ?? keepAliveAgent(concurrency);
  const slot = settings.slotMinutes * 60_000;
  const tasks = {
    app: () => {
      const index = nextForm++;
      return postBooking(agent, forms[index], index);
    },
    baseline: () => {
      const index = nextBaseline++;
      const startsAt = new Date(FAR_FUTURE + index * slot);
      return baselineBooking(pool, { index, ip: clientAddress(index, 128), startsAt, endsAt: new Date(startsAt.getTime() + slot) });
    },
    health: async () => {
      const response = await request(agent, appPort, { path: "/api/health" });
      return response.status === 200 ? { ok: true } : { ok: false, status: response.status, detail: response.body.slice(0, 200) };
    },
    "book-page": async () => {
      const response = await request(agent, appPort, { path: "/book" });
      if (response.status === 200 && response.body.includes('name="slot"')) return { ok: true };
      return { ok: false, status: response.status, detail: response.status === 200 ? "no slot offered" : pageText(response.body) };
    },
  };
  const cpu = measureCpu((app ?? cluster).pid, appDatabase);
  const result = await runLoad({ concurrency, count: requests, maxSeconds, task: tasks[name] });
  if (!shared) agent.destroy();
  return { ...result, cpu: cpu(result.latencies.length) };
}

/** A stage's runs taken together: CPU per request weighted by each run's requests, percentages by its time. */
function combine(name, runs) {
  const summary = summarize(runs);
  const weight = (key, r) => (key.endsWith("Percent") ? r.seconds / summary.seconds : r.latencies.length / summary.requests);
  const weighted = (key, valueOf) => round(runs.reduce((sum, r) => sum + (valueOf(r) ?? 0) * weight(key, r), 0), 3);
  const cpu = runs[0].cpu && Object.fromEntries(
    Object.entries(runs[0].cpu).map(([key, value]) => [
      key,
      typeof value === "object" ? Object.fromEntries(Object.keys(value).map((part) => [part, weighted(key, (r) => r.cpu[key]?.[part])])) : weighted(key, (r) => r.cpu[key]),
    ]),
  );
  return { stage: name, ...summary, cpu };
}

const stage = async (name, concurrency, load) => combine(name, [await run(name, concurrency, load)]);

/**
 * `work(agent)` over one set of `concurrency` keep-alive connections, closed at the end: the first
 * run opens them, all at once, and the runs after it keep them (see the README's "Connections").
 */
async function overConnections(concurrency, work) {
  const agent = keepAliveAgent(concurrency);
  try {
    return await work(agent);
  } finally {
    agent.destroy();
  }
}

/**
 * The app stage at one level, with the provider answering ("ok") and, at the hanging levels, with
 * it hanging: in the order ok, hanging, hanging, ok, half the bookings each, so that whatever drifts
 * during the level (the tables grow, the worker's backlog changes) weighs on both alike.
 */
async function appStages(concurrency, load) {
  const hangs = settings.hangingConcurrency.includes(concurrency);
  const order = hangs ? ["ok", "hanging", "hanging", "ok"] : ["ok"];
  const part = hangs ? { requests: Math.floor(load.requests / 2), maxSeconds: load.maxSeconds / 2 } : load;
  const runs = { ok: [], hanging: [] };
  const booked = { ok: [], hanging: [] }; // references
  const sends = { ok: { accepted: 0, unanswered: 0 }, hanging: { accepted: 0, unanswered: 0 } };
  await provider.reset();
  const rss = trackRss(app.pid);
  let mode = "ok";
  // The warm-up opens the level's connections, and the blocks keep them.
  const warmup = await overConnections(concurrency, async (agent) => {
    const warmupRun = await run("app", concurrency, { requests: settings.warmup.levelApp, maxSeconds: 10 }, agent);
    try {
      for (const next of order) {
        if (next !== mode) await provider.setMode({ kind: next === "ok" ? "ok" : "hang" }); // to ok: answers the hung sends
        mode = next;
        const before = { requests: (await provider.requests()).length, references: references.length };
        runs[mode].push(await run("app", concurrency, part, agent));
        const seen = (await provider.requests()).slice(before.requests);
        sends[mode].accepted += seen.filter((r) => r.status === 200).length;
        sends[mode].unanswered += seen.filter((r) => r.status === null).length; // hung, or timed out by the worker
        booked[mode].push(...references.slice(before.references));
      }
    } finally {
      if (mode !== "ok") await provider.setMode({ kind: "ok" });
    }
    return { ...combine("app-warmup", [warmupRun]), opening: summarizeLatencies(warmupRun.openingLatencies) };
  });
  const result = { warmup, memory: rss() };
  for (const [name, key] of [["app", "ok"], ["app-hanging", "hanging"]]) {
    if (runs[key].length === 0) continue;
    result[key] = {
      ...combine(name, runs[key]),
      blocksPerSecond: runs[key].map((r) => round(r.latencies.length / r.seconds, 1)),
      provider: sends[key],
      outboxRows: await database.leadsWithWrongOutboxRows(dbUrl, booked[key]),
    };
  }
  return result;
}

/**
 * Where the server's CPU goes during bookings at the top level: the server restarted with
 * --cpu-prof, the same bookings as the app stage's (not timed: the profiler slows the server), the
 * profile written as it exits, summarised over the load's own window.
 */
async function profileStage() {
  const concurrency = Math.max(...settings.concurrency);
  const dir = `${resultsDir}/cpu-profile`;
  rmSync(dir, { recursive: true, force: true });
  log(`CPU profile: restarting the server with --cpu-prof, then ${settings.profile.bookings} bookings at ${concurrency} clients`);
  await startApp(dbName, `${resultsDir}/server-profile.log`, {}, { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
  const { load, fromUs, toUs } = await overConnections(concurrency, async (agent) => {
    await run("app", concurrency, { requests: 50, maxSeconds: 30 }, agent); // the new server's first bookings, outside the window
    const fromUs = monotonicMicroseconds();
    const load = await run("app", concurrency, { requests: settings.profile.bookings, maxSeconds: 60 }, agent);
    return { load, fromUs, toUs: monotonicMicroseconds() };
  });
  await app.stop(); // the profile is written as the process exits
  app = undefined;
  const file = profileIn(dir);
  if (!file) return { failures: load.failures, problem: `CPU profile: the server wrote no profile into ${dir}` };
  const summary = summariseProfile(file, { window: { fromUs, toUs } });
  return { file, concurrency, bookings: load.latencies.length, failures: load.failures, msPerBooking: round(summary.busyMs / load.latencies.length, 2), ...summary };
}

/**
 * Commit → send. Clears the worker's backlog, restarts the server with its pacing raised, then books
 * one at a time: each booking waits for its confirmation and staff notification to reach the fake
 * provider, and for the pacer to be free again, before the next. The first few warm the new server
 * up and are not counted. Commit time is the lead's createdAt: the database's now() in the insert.
 */
async function latencyStage() {
  const { bookings, warmup, resendPerSecond, timeoutSeconds } = settings.latency;
  const backlog = await database.clearOutboxBacklog(dbUrl, { timeoutMs: 30_000 });
  if (!app || resendPerSecond !== settings.resendPerSecond) {
    await startApp(dbName, `${resultsDir}/server-latency.log`, { RESEND_MAX_PER_SECOND: String(resendPerSecond) });
  }
  await provider.reset();
  const pacerGap = Math.ceil(1000 / resendPerSecond);
  const agent = keepAliveAgent(1);
  const measured = [];
  const failures = [];
  for (let i = 0; i < warmup + bookings; i++) {
    const index = nextForm++;
    const outcome = await postBooking(agent, forms[index], index).catch((error) => ({ ok: false, detail: `error: ${error.message}` }));
    if (!outcome.ok) {
      failures.push({ index, ...outcome });
      continue;
    }
    const booking = await database.bookingEmails(dbUrl, references.at(-1));
    const deadline = Date.now() + timeoutSeconds * 1000;
    let arrived = false;
    while (booking && Date.now() < deadline) {
      const accepted = new Set((await provider.requests()).filter((r) => r.status === 200).map((r) => r.idempotencyKey));
      if ((arrived = booking.outboxIds.every((id) => accepted.has(id)))) break;
      await sleep(10);
    }
    if (!booking) failures.push({ index, detail: "not both a confirmation and a staff notification row in the database" });
    else if (!arrived) failures.push({ index, detail: `its two emails did not reach the provider within ${timeoutSeconds} s` });
    else if (i >= warmup) measured.push(booking);
    await sleep(2 * pacerGap); // so the next booking's first send finds the pacer free
  }
  agent.destroy();

  const receivedAt = new Map((await provider.emails()).map((email) => [email.idempotencyKey, Date.parse(email.receivedAt)]));
  const first = [];
  const both = [];
  for (const { createdAt, outboxIds } of measured) {
    const times = outboxIds.map((id) => receivedAt.get(id) - createdAt.getTime());
    first.push(Math.min(...times));
    both.push(Math.max(...times));
  }
  const summary = (values) => {
    const sorted = values.sort((x, y) => x - y);
    return { p50: round(percentile(sorted, 50), 1), p90: round(percentile(sorted, 90), 1), p99: round(percentile(sorted, 99), 1), max: round(sorted.at(-1) ?? NaN, 1) };
  };
  return { bookings, resendPerSecond, measured: measured.length, failures, backlog, first: summary(first), both: summary(both) };
}

/** The slots a POST can still get when its turn comes, a minute or more after they were listed. */
function stillBookable(slots) {
  // Not those within a quarter of an hour of the notice period's end: by then the app may no longer offer them.
  const bookable = Date.now() + (Number(serverEnv.MIN_NOTICE_HOURS) * 60 + 15) * 60_000;
  return slots.filter((slot) => Date.parse(slot) >= bookable);
}

/**
 * GET /book and bookings, with consultants (their busy times loaded, the slots worked out for each)
 * and without, at one concurrency. On a database of its own, so the consultants and their bookings
 * leave the other stages' slots alone. Each measure runs on one server process throughout: a
 * block's mode is switched by the consultants' takesCalls, since the app reads the team on each
 * request. GET /book first, on a server with production's page (the bench's 5-minute calls over
 * 60 days make a page ten times the size, whose rendering would hide the consultants' cost), then
 * the bookings on a server with the bench's settings, which leave a slot for each POST.
 */
async function consultantsStage() {
  const { count, busyEach, concurrency, rounds, page, render, bookings, warmup } = settings.consultants;
  const name = `${dbName}_consultants`;
  const url = database.databaseUrl(settings.adminUrl, name);
  await createBenchDatabase(name);
  const order = Array.from({ length: rounds }, () => ["none", "consultants", "consultants", "none"]).flat();
  let probe;
  const offeredSlots = async () => (await fetchForm(probe)).slots;

  /** Restarts the server with these calls and horizon, and seeds the consultants against the slots it offers. */
  async function serveWithConsultants({ slotMinutes, horizonDays }, logFile) {
    log(`consultants: next start on ${name} with ${slotMinutes}-minute calls over ${horizonDays} days`);
    await startApp(name, logFile, { CONSULTATION_MINUTES: String(slotMinutes), BOOKING_HORIZON_DAYS: String(horizonDays) });
    probe = keepAliveAgent(1);
    const now = Date.now();
    const slots = await offeredSlots();
    const window = { from: now, to: now + (horizonDays + 1) * 86_400_000 }; // what /book loads
    const { busyShare } = await consultants.seedConsultants(url, { consultants: count, each: busyEach, slots, slotMinutes, window });
    log(`consultants: ${count} seeded, ${busyEach} busy intervals each, busy for ${busyShare.map((share) => `${Math.round(share * 100)}%`).join(", ")} of the ${slots.length} offered slots`);
    return { slots, setup: { slotMinutes, horizonDays, offeredSlots: slots.length, busyShare } };
  }

  const failures = [];
  const booked = { none: [], consultants: [] }; // references
  async function measure(task, load, warmupLoad, { countSlots = false } = {}) {
    log(`consultants: ${task === "app" ? "bookings" : "GET /book"} at ${concurrency} clients, in blocks ${order.join(", ")}`);
    const runs = { none: [], consultants: [] };
    const slotsOffered = { none: [], consultants: [] };
    const timed = async (mode, stageLoad) => {
      const before = references.length;
      const result = await run(task, concurrency, stageLoad);
      booked[mode].push(...references.slice(before));
      failures.push(...result.failures.map((failure) => ({ stage: `${task} (${mode})`, ...failure })));
      return result;
    };
    for (const mode of ["none", "consultants"]) {
      await consultants.setTakingCalls(url, mode === "consultants");
      await timed(mode, warmupLoad);
    }
    for (const mode of order) {
      await consultants.setTakingCalls(url, mode === "consultants");
      if (countSlots) slotsOffered[mode].push((await offeredSlots()).length);
      runs[mode].push(await timed(mode, load));
    }
    const result = {};
    for (const mode of ["none", "consultants"]) {
      const blocks = runs[mode].map((r) => ({ ...summarize([r]), failures: undefined, cpu: r.cpu }));
      result[mode] = {
        ...combine(`${task} ${mode}`, runs[mode]),
        blocksPerSecond: blocks.map((block) => block.perSecond),
        blocks,
        ...(countSlots ? { slotsOffered: slotsOffered[mode] } : {}),
      };
    }
    return { ...result, ratio: consultantRatios(result.consultants, result.none) };
  }

  // No POSTs here, so nothing else is in the database when the consultants go again.
  const { setup: pageSetup } = await serveWithConsultants(page, `${resultsDir}/server-consultants-page.log`);
  const renders = { ...(await measure("book-page", render, { requests: warmup.renders, maxSeconds: 30 }, { countSlots: true })), setup: pageSetup };
  await consultants.removeConsultants(url);
  probe.destroy();

  const { slots, setup: bookingSetup } = await serveWithConsultants(settings, `${resultsDir}/server-consultants-bookings.log`);
  const random = consultants.seededRandom(2);
  // Shuffled, so that every block books all over the horizon.
  const shuffled = stillBookable(slots).map((slot) => [random(), slot]).sort(([a], [b]) => a - b).map(([, slot]) => slot);
  const perBlock = Math.min(bookings.requests, Math.floor((shuffled.length - 2 * warmup.bookings) / order.length));
  if (perBlock < bookings.requests) log(`consultants: only ${shuffled.length} open slots: ${perBlock} bookings per block`);
  nextForm = forms.length; // forms left over from the booking stages are for their database's slots
  await collectForms(url, shuffled.slice(0, 2 * warmup.bookings + perBlock * order.length));
  const posts = { ...(await measure("app", { ...bookings, requests: perBlock }, { requests: warmup.bookings, maxSeconds: 30 })), setup: bookingSetup };
  probe.destroy();

  const check = await consultants.checkBookings(url, booked);
  const offered = [...renders.none.slotsOffered, ...renders.consultants.slotsOffered];
  const failed = (task) => failures.filter((failure) => failure.stage.startsWith(task)).length;
  const problems = [
    failed("book-page") > 0 && `consultants: ${failed("book-page")} GET /book failed`,
    failed("app") > 0 && `consultants: ${failed("app")} bookings did not answer 303 to /book/confirmed`,
    check.none.firms !== check.none.posted && `consultants: ${check.none.posted - check.none.firms} of ${check.none.posted} bookings without consultants are not the firm's confirmed bookings`,
    check.consultants.assigned !== check.consultants.posted && `consultants: ${check.consultants.posted - check.consultants.assigned} of ${check.consultants.posted} bookings with consultants were not assigned one`,
    check.overBusyTime > 0 && `consultants: ${check.overBusyTime} bookings were given a consultant busy at their time`,
  ].filter(Boolean);
  const notes = [
    Math.min(...offered) !== Math.max(...offered) &&
      `the GET /book blocks offered ${Math.min(...offered)} to ${Math.max(...offered)} slots, so its ratio also compares different pages`,
  ].filter(Boolean);
  return { consultants: count, busyEach, concurrency, order, perBlock, render: renders, bookings: posts, check, failures, problems, notes };
}

const NOT_FOUND_PATH = "/bench-no-such-page"; // any unknown path: the 404 page, the build's empty page
// Next's floor in this build: its smallest prerendered route, served from the build's files.
// (The 404 page is no floor: Next renders it per request.)
const FLOOR_PATH = "/robots.txt";

/** Starts the plain node:http server with these captured responses; resolves once it answers. */
async function startPlainServer(variants) {
  const file = `${resultsDir}/article-responses.json`;
  writeFileSync(file, JSON.stringify(variants));
  const logFile = openSync(`${resultsDir}/plain-server.log`, "w");
  plain = spawn(process.execPath, ["bench/plain-server.mjs", String(settings.ports.plain), file], { stdio: ["ignore", logFile, logFile], detached: true });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await get(settings.ports.plain, "/").then((r) => r.status === 200, () => false)) return;
    await sleep(100);
  }
  throw new Error(`the plain server did not answer on port ${settings.ports.plain} within 10 s`);
}

/**
 * The reader's pages, on a server of their own (production's 30-minute calls over 30 days, so
 * /book is production's page): the article under wrk's load, against a plain node:http server
 * sending the article's bytes from memory and against this build's own floor (FLOOR_PATH); the
 * article's weight against the 404 page; Lighthouse on home, the article and /book.
 */
async function pagesStage() {
  const name = `${dbName}_pages`;
  await createBenchDatabase(name);
  const { slotMinutes, horizonDays } = settings.consultants.page;
  log(`pages: next start on ${name} with ${slotMinutes}-minute calls over ${horizonDays} days`);
  await startApp(name, `${resultsDir}/server-pages.log`, { CONSULTATION_MINUTES: String(slotMinutes), BOOKING_HORIZON_DAYS: String(horizonDays) });
  const articlePath = await firstArticlePath(settings.port);
  const result = { articlePath, notFoundPath: NOT_FOUND_PATH, floorPath: FLOOR_PATH, problems: [], notes: [] };

  if (settings.stages.includes("article")) {
    const missing = wrkMissing();
    if (missing) result.load = { notMeasured: missing };
    else {
      await startPlainServer(await captureResponses(settings.port, articlePath));
      const { threads, connections, seconds, warmupSeconds } = settings.article;
      const headers = { "accept-encoding": BROWSER_ACCEPT_ENCODING };
      const targets = [
        ["plain", `http://127.0.0.1:${settings.ports.plain}${articlePath}`],
        ["article", `http://127.0.0.1:${settings.port}${articlePath}`],
        ["floor", `http://127.0.0.1:${settings.port}${FLOOR_PATH}`],
      ];
      result.load = {};
      for (const [key, url] of targets) {
        log(`article: wrk -t${threads} -c${connections} -d${seconds}s ${url} (after ${warmupSeconds} s unmeasured)`);
        await runWrk(url, { threads, connections, seconds: warmupSeconds, headers });
        const cpu = measureCpu(key === "plain" ? plain.pid : app.pid, name);
        const figures = await runWrk(url, { threads, connections, seconds, headers });
        result.load[key] = { ...figures, cpu: cpu(figures.requests) };
        if (figures.statusErrors > 0) result.problems.push(`article: ${figures.statusErrors} of ${figures.requests} GET ${url} did not answer 2xx`);
        if (figures.socketErrors > 0) result.notes.push(`article: ${figures.socketErrors} socket errors or timeouts against ${url}`);
      }
      plain.kill("SIGTERM");
      plain = undefined;
    }
  }

  if (settings.stages.includes("weight")) {
    log(`weight: ${articlePath} and the 404 page, their HTML and the JavaScript they load`);
    result.weight = {
      article: await pageWeight(settings.port, articlePath),
      empty: await pageWeight(settings.port, NOT_FOUND_PATH, { expectStatus: 404 }),
    };
  }

  if (settings.stages.includes("lighthouse")) {
    const missing = lighthouseMissing();
    if (missing) result.lighthouse = { notMeasured: missing };
    else {
      result.lighthouse = {};
      for (const [key, path] of [["home", "/"], ["article", articlePath], ["book", "/book"]]) {
        log(`lighthouse: ${path} (mobile)`);
        try {
          const runs = [];
          for (let run = 1; run <= settings.lighthouseRuns; run++) {
            runs.push(await auditRetrying(`http://127.0.0.1:${settings.port}${path}`, { outputFile: `${resultsDir}/lighthouse-${key}-${run}.json`, debuggingPort: settings.ports.chrome }));
          }
          result.lighthouse[key] = medianRun(runs);
        } catch (error) {
          result.lighthouse[key] = { notMeasured: `not measured: ${error.message.split("\n")[0].slice(0, 200)}` };
          result.notes.push(`lighthouse ${path}: ${error.message}`);
        }
      }
    }
  }
  await app.stop();
  app = undefined;
  return result;
}

/** Starts `npm run cluster` in its own process group; resolves once it says it is ready (both instances and nginx healthy). */
async function startCluster(env, logFile) {
  const out = openSync(logFile, "w");
  const { child, exited, stop } = spawnGroup("npm", ["run", "cluster"], { env, stdio: ["ignore", out, out] }, 25_000);
  const cluster = { pid: child.pid, stop };
  const deadline = Date.now() + 300_000; // it builds first if it finds the build stale
  while (Date.now() < deadline) {
    if (/\[cluster\] ready/.test(readFileSync(logFile, "utf8"))) return cluster;
    const how = await Promise.race([exited, sleep(500).then(() => undefined)]);
    if (how !== undefined) throw new Error(`npm run cluster exited (${how}); last lines of ${logFile}:\n${server.tail(logFile)}`);
  }
  await cluster.stop();
  throw new Error(`npm run cluster was not ready within 300 s; last lines of ${logFile}:\n${server.tail(logFile)}`);
}

let cluster; // the running npm run cluster

/**
 * The deployment shape, `npm run cluster` (nginx in front of two production instances of this
 * build, on a database of its own): the article under wrk as in the article stage, then bookings
 * at each level, as in the app stage. Measured only where this branch has the script.
 */
async function clusterStage(articlePath) {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts ?? {};
  if (!scripts.cluster) return { notMeasured: "not measured: npm run cluster is not on this branch", problems: [] };
  const name = `${dbName}_cluster`;
  const url = database.databaseUrl(settings.adminUrl, name);
  await createBenchDatabase(name);
  const { cluster: clusterPort, clusterApps } = settings.ports;
  log(`cluster: npm run cluster on ${name}: nginx on 127.0.0.1:${clusterPort} in front of instances on ${clusterApps.join(", ")}`);
  cluster = await startCluster({
    ...serverEnv,
    DATABASE_URL: url,
    APP_URL: `http://127.0.0.1:${clusterPort}`,
    CLUSTER_HOST: "127.0.0.1",
    CLUSTER_PORT: String(clusterPort),
    CLUSTER_APP_PORTS: clusterApps.join(","),
    // Shared by the instances; given here, so the cluster keeps no secrets file of its own for the bench.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  }, `${resultsDir}/cluster.log`);
  const result = { problems: [], levels: [] };
  try {
    const missing = wrkMissing();
    if (missing) result.article = { notMeasured: missing };
    else {
      articlePath ??= await firstArticlePath(clusterPort);
      const { threads, connections, seconds, warmupSeconds } = settings.article;
      const target = `http://127.0.0.1:${clusterPort}${articlePath}`;
      const headers = { "accept-encoding": BROWSER_ACCEPT_ENCODING };
      log(`cluster: wrk -t${threads} -c${connections} -d${seconds}s ${target} (after ${warmupSeconds} s unmeasured)`);
      await runWrk(target, { threads, connections, seconds: warmupSeconds, headers });
      result.article = await runWrk(target, { threads, connections, seconds, headers });
      if (result.article.statusErrors > 0) result.problems.push(`cluster: ${result.article.statusErrors} of ${result.article.requests} GET ${target} did not answer 2xx`);
    }

    appPort = clusterPort;
    appDatabase = name;
    const probe = keepAliveAgent(1);
    const slots = stillBookable((await fetchForm(probe)).slots);
    probe.destroy();
    const warmup = 50;
    const perLevel = Math.min(settings.cluster.requests, Math.floor(slots.length / settings.concurrency.length) - warmup);
    nextForm = forms.length; // forms left over from other stages are for their database's slots
    const firstForm = nextForm;
    await collectForms(url, slots.slice(0, (warmup + perLevel) * settings.concurrency.length));
    const before = references.length;
    for (const concurrency of settings.concurrency) {
      log(`cluster: bookings at ${concurrency} clients`);
      const level = await overConnections(concurrency, async (agent) => {
        await run("app", concurrency, { requests: warmup, maxSeconds: 30 }, agent);
        return combine("cluster", [await run("app", concurrency, { ...settings.cluster, requests: perLevel }, agent)]);
      });
      result.levels.push(level);
    }
    const posted = nextForm - firstForm;
    const ok = references.length - before;
    const rows = await database.countRows(url, references.slice(before));
    if (ok !== posted) result.problems.push(`cluster: ${posted - ok} of ${posted} bookings did not answer 303 to /book/confirmed`);
    if ((rows.byWriter.app?.confirmedBookings ?? 0) !== ok) result.problems.push(`cluster: ${rows.byWriter.app?.confirmedBookings ?? 0} confirmed bookings for ${ok} successful POSTs`);
    result.verification = { posted, ok, database: rows };
  } finally {
    appPort = settings.port;
    await cluster.stop();
    cluster = undefined;
  }
  return result;
}

/** The admin at 100,000 leads: scripts/bench-admin.ts, on this run's build; its figures come back in admin.json. */
async function adminStage() {
  const file = `${resultsDir}/admin.json`;
  rmSync(file, { force: true });
  log(`admin: tsx scripts/bench-admin.ts on ${distDir}, port ${settings.ports.admin}`);
  const code = await new Promise((resolve) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/bench-admin.ts"], {
      env: { ...env, BENCH_ADMIN_BUILD: distDir, BENCH_ADMIN_PORT: String(settings.ports.admin), BENCH_ADMIN_DATABASE_URL: settings.adminUrl },
      stdio: "inherit",
    });
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? signal));
  });
  const admin = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
  const problems = [...(admin?.problems ?? []).map((problem) => `admin: ${problem}`), code !== 0 && `admin: scripts/bench-admin.ts exited ${code}`].filter(Boolean);
  return { ...(admin ?? { notMeasured: "not measured: scripts/bench-admin.ts wrote no results" }), problems };
}

/** The first stages: baseline, health and app at each level, then commit → send. */
async function bookingStages() {
  await createBenchDatabase(dbName);
  log(`database ${dbName}; fake Resend on ${provider.url}; starting next start on 127.0.0.1:${settings.port}`);
  await startApp(dbName, `${resultsDir}/server.log`);

  const probe = keepAliveAgent(1);
  const slots = stillBookable((await fetchForm(probe)).slots);
  probe.destroy();
  const appStageCount = settings.concurrency.length + settings.concurrency.filter((c) => settings.hangingConcurrency.includes(c)).length;
  const latencyBookings = settings.latency.warmup + settings.latency.bookings;
  const profileBookings = settings.profile.bookings > 0 ? 50 + settings.profile.bookings : 0;
  const warmupBookings = settings.warmup.app + settings.warmup.levelApp * settings.concurrency.length;
  const perStage = Math.min(settings.app.requests, Math.floor((slots.length - warmupBookings - latencyBookings - profileBookings) / appStageCount));
  if (perStage < settings.app.requests) log(`only ${slots.length} open slots: ${perStage} app bookings per stage`);
  const appLoad = { ...settings.app, requests: perStage };
  await collectForms(dbUrl, slots.slice(0, warmupBookings + perStage * appStageCount + profileBookings + latencyBookings));

  pool = new pg.Pool({ connectionString: dbUrl, max: settings.poolSize });
  log("warming up");
  const { warmup } = settings;
  const warmups = [];
  for (const [name, requests] of [["baseline", warmup.baseline], ["health", warmup.health], ["app", warmup.app]]) {
    warmups.push(await stage(name, warmup.concurrency, { requests, maxSeconds: 60 }));
  }

  const results = [];
  for (const concurrency of settings.concurrency) {
    const hangs = settings.hangingConcurrency.includes(concurrency);
    log(`${concurrency} concurrent clients: baseline, health, app${hangs ? ", app with the provider hanging" : ""}`);
    const baseline = await stage("baseline", concurrency, settings.baseline);
    const health = await overConnections(concurrency, async (agent) => {
      await run("health", concurrency, { requests: concurrency * 2, maxSeconds: 10 }, agent); // opens them, unmeasured
      return combine("health", [await run("health", concurrency, settings.health, agent)]);
    });
    const { warmup: levelWarmup, memory, ok, hanging } = await appStages(concurrency, appLoad);
    warmups.push(levelWarmup);
    results.push({
      concurrency, app: ok, appHanging: hanging, baseline, health, memory, opening: levelWarmup.opening,
      ratio: ratios(ok, baseline),
      ...(hanging ? { ratioHanging: ratios(hanging, baseline), hangingVsOk: hangingVsOk(hanging, ok) } : {}),
    });
  }

  const profile = settings.profile.bookings > 0 ? await profileStage() : undefined;
  log(`commit → send: clearing the outbox backlog, restarting at ${settings.latency.resendPerSecond} emails/s, then ${latencyBookings} bookings one at a time`);
  const latency = await latencyStage();
  const rows = await database.countRows(dbUrl, references);
  const appPosts = nextForm;
  const appOk = references.length;
  const stages = [...warmups, ...results.flatMap((level) => [level.baseline, level.health, level.app, level.appHanging].filter(Boolean))];
  const failures = [
    ...stages.flatMap((stage) => stage.failures.map((failure) => ({ stage: stage.stage, ...failure }))),
    ...latency.failures.map((failure) => ({ stage: "latency", ...failure })),
    ...(profile?.failures ?? []).map((failure) => ({ stage: "profile", ...failure })),
  ];
  const baselineOk = nextBaseline - failures.filter((failure) => failure.stage === "baseline").length;
  const server5xx = Object.entries(statusCounts).reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0);
  const appRows = rows.byWriter.app ?? {};
  const baselineRows = rows.byWriter.baseline ?? {};
  const problems = [
    appOk !== appPosts && `${appPosts - appOk} app POSTs did not answer 303 to /book/confirmed`,
    server5xx > 0 && `${server5xx} app POSTs answered 5xx`,
    failures.some((failure) => failure.stage === "baseline" || failure.stage === "health") && "baseline or health requests failed",
    appRows.confirmedBookings !== appOk && `app: ${appRows.confirmedBookings} confirmed bookings for ${appOk} successful POSTs`,
    rows.appReferencesFound !== appOk && `app: ${rows.appReferencesFound} of ${appOk} redirect references are in the database`,
    appRows.spam > 0 && `app: ${appRows.spam} leads stored as SPAM`,
    ...results.flatMap((level) => [level.app, level.appHanging].filter(Boolean).map((stage) => stage.outboxRows.wrong > 0 &&
      `${stage.stage} at ${level.concurrency}: ${stage.outboxRows.wrong} of ${stage.outboxRows.leads} bookings lack their confirmation and staff notification rows`)),
    appRows.leadsWithWrongOutboxRows > 0 && `app: ${appRows.leadsWithWrongOutboxRows} leads without exactly one confirmation and one staff notification row`,
    baselineRows.confirmedBookings !== baselineOk && `baseline: ${baselineRows.confirmedBookings} confirmed bookings for ${baselineOk} commits`,
    baselineRows.leadsWithWrongOutboxRows > 0 && `baseline: ${baselineRows.leadsWithWrongOutboxRows} leads without their three outbox rows`,
    ...results.map(({ concurrency, app: ok }) => ok.provider.accepted === 0 && `app at ${concurrency}: the provider received no email while answering, so the worker was not sending`),
    ...results.map(({ concurrency, appHanging: hanging }) => hanging && hanging.provider.unanswered === 0 &&
      `app at ${concurrency} with the provider hanging: no send was left hanging, so the stage did not test a hanging provider`),
    latency.measured < latency.bookings && `commit → send: ${latency.bookings - latency.measured} of ${latency.bookings} bookings did not get both emails to the provider`,
    latency.backlog.held > 0 && `commit → send: ${latency.backlog.held} outbox rows were still being sent when the stage started`,
    profile?.problem,
  ].filter(Boolean);
  const verification = {
    appPosts,
    app303: appOk,
    appStatusCounts: { ...statusCounts },
    app5xx: server5xx,
    baselineTransactions: nextBaseline,
    baselineCommitted: baselineOk,
    database: rows,
    problems,
  };

  return { levels: results, latency, profile, warmup: warmups, verification, failures, appLoad, openSlots: slots.length };
}

function printBookings({ levels, latency, verification, failures }) {
  const { database: rows } = verification;
  console.log(`\n${formatResults(levels, latency, settings)}\n`);
  console.log(
    `Correctness: ${verification.app303}/${verification.appPosts} app POSTs answered 303 (statuses ${JSON.stringify(verification.appStatusCounts)}), ${verification.app5xx} 5xx; ` +
      `database: app ${JSON.stringify(rows.byWriter.app ?? {})}, baseline ${JSON.stringify(rows.byWriter.baseline ?? {})}; outbox rows by status ${JSON.stringify(rows.outboxByStatus)}.`,
  );
  for (const failure of failures.slice(0, 20)) console.log(`  failed ${failure.stage} request #${failure.index}: ${failure.status ?? ""} ${failure.detail}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  for (const problem of verification.problems) console.log(`PROBLEM: ${problem}`);
  for (const { concurrency, app: ok, appHanging: hanging } of levels.filter((level) => level.appHanging)) {
    const others = Math.max(ok.cpu?.otherCpuPercent ?? 0, hanging.cpu?.otherCpuPercent ?? 0);
    if (others >= 10) console.log(`Note: at ${concurrency}, other processes used up to ${others.toFixed(0)}% of the CPU during the app stages, so hanging/ok there is unreliable.`);
  }
}

function printConsultants(stage) {
  console.log(`\n${formatConsultants(stage)}\n`);
  const { check } = stage;
  console.log(
    `Correctness: ${stage.failures.length} failed requests; bookings without consultants: ${check.none.firms}/${check.none.posted} the firm's; ` +
      `with them: ${check.consultants.assigned}/${check.consultants.posted} assigned (${check.perConsultant.join(", ")} per consultant), ${check.overBusyTime} over a busy interval.`,
  );
  for (const failure of stage.failures.slice(0, 20)) console.log(`  failed ${failure.stage} request #${failure.index}: ${failure.status ?? ""} ${failure.detail}`);
  for (const problem of stage.problems) console.log(`PROBLEM: ${problem}`);
  for (const note of stage.notes) console.log(`Note: ${note}.`);
  const others = Math.max(...["render", "bookings"].flatMap((measure) => [stage[measure].none, stage[measure].consultants]).map((s) => s.cpu?.otherCpuPercent ?? 0));
  if (others >= 10) console.log(`Note: other processes used up to ${others.toFixed(0)}% of the CPU during the consultants stage, so its ratios are unreliable.`);
}

// --- The run -------------------------------------------------------------------------------------

async function main() {
  await assertPortFree(settings.port);
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = os.loadavg();

  provider = await startFakeProvider(`${resultsDir}/fake-resend.log`, settings.ports.provider);
  serverEnv.RESEND_BASE_URL = provider.url;
  if (settings.build) {
    log(`building the production site into ${distDir} (next build)…`);
    server.build(serverEnv, `${resultsDir}/build.log`);
  }
  const has = (...names) => names.some((name) => settings.stages.includes(name));
  const pages = has("article", "weight", "lighthouse") ? await pagesStage() : undefined;
  const bookings = has("bookings") ? await bookingStages() : undefined;
  await app?.stop();
  app = undefined;
  const clusterResult = has("cluster") ? await clusterStage(pages?.articlePath) : undefined;
  const withConsultants = has("consultants") ? await consultantsStage() : undefined;
  await app?.stop();
  app = undefined;
  const admin = has("admin") ? await adminStage() : undefined;

  if (bookings) printBookings(bookings);
  if (withConsultants) printConsultants(withConsultants);
  const problems = [...(pages?.problems ?? []), ...(clusterResult?.problems ?? []), ...(bookings?.verification.problems ?? []), ...(withConsultants?.problems ?? []), ...(admin?.problems ?? [])];
  const report = {
    generatedAt: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    environment: {
      node: process.version,
      cpus: os.cpus().length,
      postgres: await database.serverVersion(settings.adminUrl),
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    settings: { ...settings, adminUrl: withoutPassword(settings.adminUrl), app: bookings?.appLoad ?? settings.app, openSlots: bookings?.openSlots },
    pages,
    cluster: clusterResult,
    levels: bookings?.levels,
    profile: bookings?.profile,
    latency: bookings?.latency,
    warmup: bookings?.warmup,
    verification: bookings?.verification,
    consultants: withConsultants,
    admin,
    problems,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(`${resultsDir}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);

  // Last, the one table of every figure, and where the CPU went.
  console.log(`\n${formatBudget(report)}\n`);
  if (bookings?.profile?.groups) console.log(`${formatCpuProfile(bookings.profile)}\n`);
  for (const note of pages?.notes ?? []) console.log(`Note: ${note}.`);
  for (const problem of problems) console.log(`PROBLEM: ${problem}`);
  const busy = loadBefore[0] > os.cpus().length / 2;
  console.log(
    `Load average before the run ${loadBefore[0].toFixed(2)} on ${os.cpus().length} CPUs` +
      (busy ? ": other processes were competing for CPU, so expect noisy figures (the single-threaded app suffers most)." : "."),
  );
  log(`took ${report.durationSeconds} s; details in ${resultsDir}/latest.json`);
  return problems.length === 0;
}

main()
  .then(async (ok) => {
    await cleanUp();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    await cleanUp();
    process.exit(1);
  });
