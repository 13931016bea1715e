// npm run bench: booking throughput and latency of the production build over PostgreSQL, each as
// a ratio to a plain node-postgres transaction writing the same rows, measured in the same run
// against the same database server; with the email provider (a fake Resend) answering and with it
// hanging; and the time from a booking's commit to its emails reaching the provider. A report, not
// a test: nothing here asserts a timing; the exit status is non-zero only when a booking went
// wrong. See bench/README.md.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import pg from "pg";
import { bookingFields, clientAddress, keepAliveAgent, multipart, parseBookingForm, request } from "../bench/app-client.mjs";
import { baselineBooking } from "../bench/baseline.mjs";
import { measureCpu } from "../bench/cpu.mjs";
import * as database from "../bench/database.mjs";
import { startFakeProvider } from "../bench/fake-provider.mjs";
import { percentile, round, runLoad, summarize } from "../bench/load.mjs";
import { formatResults, hangingVsOk, ratios } from "../bench/report.mjs";
import * as server from "../bench/server.mjs";

const env = process.env;
const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const settings = {
  port: number("BENCH_PORT", 3200),
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
};
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
  PROXY_HOPS: "1",
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
let provider; // the fake Resend
let pool; // the baseline's node-postgres pool
let databaseCreated = false;

async function cleanUp() {
  await app?.stop().catch((error) => console.error(`[bench] stopping the server: ${error.message}`));
  app = undefined;
  await provider?.stop().catch((error) => console.error(`[bench] stopping the fake provider: ${error.message}`));
  provider = undefined;
  await pool?.end().catch(() => {});
  pool = undefined;
  if (databaseCreated && env.BENCH_KEEP_DB !== "1") {
    databaseCreated = false;
    await database.dropDatabase(settings.adminUrl, dbName).catch((error) => console.error(`[bench] dropping ${dbName}: ${error.message}`));
  }
  if (settings.build && !settings.keepBuild) rmSync(distDir, { recursive: true, force: true });
}
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.once(signal, () => cleanUp().finally(() => process.exit(code)));

function withoutPassword(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
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

async function fetchForm(agent) {
  const response = await request(agent, settings.port, { path: "/book" });
  if (response.status !== 200) throw new Error(`GET /book answered ${response.status}`);
  return parseBookingForm(response.body);
}

const pageText = (html) => html.replace(/^[\s\S]*?<main/, "<main").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);

async function postBooking(agent, form, index) {
  const response = await request(agent, settings.port, {
    method: "POST",
    path: "/book",
    headers: {
      "content-type": form.contentType,
      "content-length": form.body.length,
      origin: `http://127.0.0.1:${settings.port}`, // as browsers send with a form POST; without it Next.js logs a warning per request
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

/** One fresh form per submission, each booking its own slot, encoded before any timing starts. */
async function collectForms(count, slots) {
  const agent = keepAliveAgent(2);
  const forms = [];
  await database.holdAllSlots(dbUrl, settings.horizonDays + 2);
  try {
    const result = await runLoad({
      concurrency: 2,
      count,
      maxSeconds: 600,
      task: async (index) => {
        const { hidden } = await fetchForm(agent);
        forms[index] = multipart({ ...hidden, ...bookingFields(index, slots[index]) });
        return { ok: true };
      },
    });
    if (result.failures.length > 0) throw new Error(`could not fetch forms: ${result.failures[0].detail}`);
    log(`collected ${count} forms in ${result.seconds.toFixed(1)} s`);
  } finally {
    agent.destroy();
    await database.releaseAllSlots(dbUrl);
  }
  return forms;
}

// --- Stages --------------------------------------------------------------------------------------

let nextForm = 0;
let nextBaseline = 0;
const FAR_FUTURE = Date.UTC(2100, 0, 1); // baseline slots: distinct, and nowhere near the app's
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One timed run of a stage's requests: each latency, and the CPU per request. */
async function run(name, concurrency, { requests, maxSeconds }, forms) {
  const agent = keepAliveAgent(concurrency);
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
      const response = await request(agent, settings.port, { path: "/api/health" });
      return response.status === 200 ? { ok: true } : { ok: false, status: response.status, detail: response.body.slice(0, 200) };
    },
  };
  const cpu = measureCpu(app.pid, dbName);
  const result = await runLoad({ concurrency, count: requests, maxSeconds, task: tasks[name] });
  agent.destroy();
  return { ...result, cpu: cpu(result.latencies.length) };
}

/** A stage's runs taken together: CPU per request weighted by each run's requests, percentages by its time. */
function combine(name, runs) {
  const summary = summarize(runs);
  const weight = (key, r) => (key.endsWith("Percent") ? r.seconds / summary.seconds : r.latencies.length / summary.requests);
  const cpu = runs[0].cpu && Object.fromEntries(
    Object.keys(runs[0].cpu).map((key) => [key, round(runs.reduce((sum, r) => sum + r.cpu[key] * weight(key, r), 0), 3)]),
  );
  return { stage: name, ...summary, cpu };
}

const stage = async (name, concurrency, load, forms) => combine(name, [await run(name, concurrency, load, forms)]);

/**
 * The app stage at one level, with the provider answering ("ok") and, at the hanging levels, with
 * it hanging: in the order ok, hanging, hanging, ok, half the bookings each, so that whatever drifts
 * during the level (the tables grow, the worker's backlog changes) weighs on both alike.
 */
async function appStages(concurrency, load, forms) {
  const hangs = settings.hangingConcurrency.includes(concurrency);
  const order = hangs ? ["ok", "hanging", "hanging", "ok"] : ["ok"];
  const part = hangs ? { requests: Math.floor(load.requests / 2), maxSeconds: load.maxSeconds / 2 } : load;
  const runs = { ok: [], hanging: [] };
  const booked = { ok: [], hanging: [] }; // references
  const sends = { ok: { accepted: 0, unanswered: 0 }, hanging: { accepted: 0, unanswered: 0 } };
  await provider.reset();
  const warmup = combine("app-warmup", [await run("app", concurrency, { requests: settings.warmup.levelApp, maxSeconds: 10 }, forms)]);
  let mode = "ok";
  try {
    for (const next of order) {
      if (next !== mode) await provider.setMode({ kind: next === "ok" ? "ok" : "hang" }); // to ok: answers the hung sends
      mode = next;
      const before = { requests: (await provider.requests()).length, references: references.length };
      runs[mode].push(await run("app", concurrency, part, forms));
      const seen = (await provider.requests()).slice(before.requests);
      sends[mode].accepted += seen.filter((r) => r.status === 200).length;
      sends[mode].unanswered += seen.filter((r) => r.status === null).length; // hung, or timed out by the worker
      booked[mode].push(...references.slice(before.references));
    }
  } finally {
    if (mode !== "ok") await provider.setMode({ kind: "ok" });
  }
  const result = { warmup };
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
 * Commit → send. Clears the worker's backlog, restarts the server with its pacing raised, then books
 * one at a time: each booking waits for its confirmation and staff notification to reach the fake
 * provider, and for the pacer to be free again, before the next. The first few warm the new server
 * up and are not counted. Commit time is the lead's createdAt: the database's now() in the insert.
 */
async function latencyStage(forms) {
  const { bookings, warmup, resendPerSecond, timeoutSeconds } = settings.latency;
  const backlog = await database.clearOutboxBacklog(dbUrl, { timeoutMs: 30_000 });
  if (resendPerSecond !== settings.resendPerSecond) {
    await app.stop();
    app = await server.start({ ...serverEnv, RESEND_MAX_PER_SECOND: String(resendPerSecond) }, settings.port, `${resultsDir}/server-latency.log`);
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

// --- The run -------------------------------------------------------------------------------------

async function main() {
  await assertPortFree(settings.port);
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = os.loadavg();

  provider = await startFakeProvider(`${resultsDir}/fake-resend.log`);
  serverEnv.RESEND_BASE_URL = provider.url;
  if (settings.build) {
    log(`building the production site into ${distDir} (next build)…`);
    server.build(serverEnv, `${resultsDir}/build.log`);
  }
  await database.createDatabase(settings.adminUrl, dbName);
  databaseCreated = true;
  log(`database ${dbName}; fake Resend on ${provider.url}; starting next start on 127.0.0.1:${settings.port}`);
  app = await server.start(serverEnv, settings.port, `${resultsDir}/server.log`);

  const probe = keepAliveAgent(1);
  // Not the slots within a quarter of an hour of the notice period's end: by the time their POST
  // comes, a minute or more later, they may no longer be offered.
  const bookable = Date.now() + (Number(serverEnv.MIN_NOTICE_HOURS) * 60 + 15) * 60_000;
  const slots = (await fetchForm(probe)).slots.filter((slot) => Date.parse(slot) >= bookable);
  probe.destroy();
  const appStageCount = settings.concurrency.length + settings.concurrency.filter((c) => settings.hangingConcurrency.includes(c)).length;
  const latencyBookings = settings.latency.warmup + settings.latency.bookings;
  const warmupBookings = settings.warmup.app + settings.warmup.levelApp * settings.concurrency.length;
  const perStage = Math.min(settings.app.requests, Math.floor((slots.length - warmupBookings - latencyBookings) / appStageCount));
  if (perStage < settings.app.requests) log(`only ${slots.length} open slots: ${perStage} app bookings per stage`);
  const appLoad = { ...settings.app, requests: perStage };
  const forms = await collectForms(warmupBookings + perStage * appStageCount + latencyBookings, slots);

  pool = new pg.Pool({ connectionString: dbUrl, max: settings.poolSize });
  log("warming up");
  const { warmup } = settings;
  const warmups = [];
  for (const [name, requests] of [["baseline", warmup.baseline], ["health", warmup.health], ["app", warmup.app]]) {
    warmups.push(await stage(name, warmup.concurrency, { requests, maxSeconds: 60 }, forms));
  }

  const results = [];
  for (const concurrency of settings.concurrency) {
    const hangs = settings.hangingConcurrency.includes(concurrency);
    log(`${concurrency} concurrent clients: baseline, health, app${hangs ? ", app with the provider hanging" : ""}`);
    const baseline = await stage("baseline", concurrency, settings.baseline, forms);
    const health = await stage("health", concurrency, settings.health, forms);
    const { warmup: levelWarmup, ok, hanging } = await appStages(concurrency, appLoad, forms);
    warmups.push(levelWarmup);
    results.push({
      concurrency, app: ok, appHanging: hanging, baseline, health,
      ratio: ratios(ok, baseline),
      ...(hanging ? { ratioHanging: ratios(hanging, baseline), hangingVsOk: hangingVsOk(hanging, ok) } : {}),
    });
  }

  log(`commit → send: clearing the outbox backlog, restarting at ${settings.latency.resendPerSecond} emails/s, then ${latencyBookings} bookings one at a time`);
  const latency = await latencyStage(forms);

  const rows = await database.countRows(dbUrl, references);
  const appPosts = nextForm;
  const appOk = references.length;
  const stages = [...warmups, ...results.flatMap((level) => [level.baseline, level.health, level.app, level.appHanging].filter(Boolean))];
  const failures = [
    ...stages.flatMap((stage) => stage.failures.map((failure) => ({ stage: stage.stage, ...failure }))),
    ...latency.failures.map((failure) => ({ stage: "latency", ...failure })),
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
  ].filter(Boolean);
  const verification = {
    appPosts,
    app303: appOk,
    appStatusCounts: statusCounts,
    app5xx: server5xx,
    baselineTransactions: nextBaseline,
    baselineCommitted: baselineOk,
    database: rows,
    problems,
  };

  console.log(`\n${formatResults(results, latency, settings)}\n`);
  console.log(
    `Correctness: ${appOk}/${appPosts} app POSTs answered 303 (statuses ${JSON.stringify(statusCounts)}), ${server5xx} 5xx; ` +
      `database: app ${JSON.stringify(appRows)}, baseline ${JSON.stringify(baselineRows)}; outbox rows by status ${JSON.stringify(rows.outboxByStatus)}.`,
  );
  for (const failure of failures.slice(0, 20)) console.log(`  failed ${failure.stage} request #${failure.index}: ${failure.status ?? ""} ${failure.detail}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  for (const problem of problems) console.log(`PROBLEM: ${problem}`);
  for (const { concurrency, app: ok, appHanging: hanging } of results.filter((level) => level.appHanging)) {
    const others = Math.max(ok.cpu?.otherCpuPercent ?? 0, hanging.cpu?.otherCpuPercent ?? 0);
    if (others >= 10) console.log(`Note: at ${concurrency}, other processes used up to ${others.toFixed(0)}% of the CPU during the app stages, so hanging/ok there is unreliable.`);
  }
  const busy = loadBefore[0] > os.cpus().length / 2;
  console.log(
    `Load average before the run ${loadBefore[0].toFixed(2)} on ${os.cpus().length} CPUs` +
      (busy ? ": other processes were competing for CPU, so expect noisy figures (the single-threaded app suffers most)." : "."),
  );

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
    settings: { ...settings, adminUrl: withoutPassword(settings.adminUrl), app: appLoad, openSlots: slots.length },
    levels: results,
    latency,
    warmup: warmups,
    verification,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(`${resultsDir}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
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
