// npm run bench: booking throughput and latency of the production build over PostgreSQL, each as
// a ratio to a plain node-postgres transaction writing the same rows, measured in the same run
// against the same database server. A report, not a test: nothing here asserts a timing; the exit
// status is non-zero only when a booking went wrong. See bench/README.md.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import pg from "pg";
import { bookingFields, clientAddress, keepAliveAgent, multipart, parseBookingForm, request } from "../bench/app-client.mjs";
import { baselineBooking } from "../bench/baseline.mjs";
import { measureCpu } from "../bench/cpu.mjs";
import * as database from "../bench/database.mjs";
import { runLoad } from "../bench/load.mjs";
import { formatResults, ratios } from "../bench/report.mjs";
import * as server from "../bench/server.mjs";

const env = process.env;
const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const settings = {
  port: number("BENCH_PORT", 3200),
  concurrency: (env.BENCH_CONCURRENCY ?? "10,50").split(",").map(Number),
  app: { requests: number("BENCH_APP_REQUESTS", 800), maxSeconds: 15 },
  baseline: { requests: number("BENCH_BASELINE_REQUESTS", 4000), maxSeconds: 10 },
  health: { requests: 2000, maxSeconds: 5 },
  warmup: { app: 50, baseline: 300, health: 300, concurrency: 10 },
  poolSize: number("DATABASE_POOL_SIZE", 10),
  // 5-minute calls over 30 days give ~2,000 distinct open slots: enough for both levels, while the
  // app's per-booking slot check stays close to production's (see bench/README.md).
  horizonDays: number("BENCH_HORIZON_DAYS", 30),
  slotMinutes: number("BENCH_SLOT_MINUTES", 5),
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
  BOOKING_RATE_LIMIT: "5",
  BOOKING_RATE_WINDOW_SECONDS: "600",
  PROXY_HOPS: "1",
};

const log = (message) => console.log(`[bench] ${message}`);
const started = Date.now();
let app; // the running server
let pool; // the baseline's node-postgres pool
let databaseCreated = false;

async function cleanUp() {
  await app?.stop().catch((error) => console.error(`[bench] stopping the server: ${error.message}`));
  app = undefined;
  await pool?.end().catch(() => {});
  pool = undefined;
  if (databaseCreated && env.BENCH_KEEP_DB !== "1") {
    databaseCreated = false;
    await database.dropDatabase(settings.adminUrl, dbName).catch((error) => console.error(`[bench] dropping ${dbName}: ${error.message}`));
  }
  if (settings.build && !settings.keepBuild) rmSync(distDir, { recursive: true, force: true });
}
process.once("SIGINT", () => cleanUp().finally(() => process.exit(130)));

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
    log(`collected ${count} forms in ${result.seconds} s`);
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

async function stage(name, concurrency, { requests, maxSeconds }, forms) {
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
  return { stage: name, ...result, cpu: cpu(result.requests) };
}

// --- The run -------------------------------------------------------------------------------------

async function main() {
  await assertPortFree(settings.port);
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = os.loadavg();

  if (settings.build) {
    log(`building the production site into ${distDir} (next build)…`);
    server.build(serverEnv, `${resultsDir}/build.log`);
  }
  await database.createDatabase(settings.adminUrl, dbName);
  databaseCreated = true;
  log(`database ${dbName}; starting next start on 127.0.0.1:${settings.port}`);
  app = await server.start(serverEnv, settings.port, `${resultsDir}/server.log`);

  const probe = keepAliveAgent(1);
  const { slots } = await fetchForm(probe);
  probe.destroy();
  const levels = settings.concurrency.length;
  const perLevel = Math.min(settings.app.requests, Math.floor((slots.length - settings.warmup.app) / levels));
  if (perLevel < settings.app.requests) log(`only ${slots.length} open slots: ${perLevel} app bookings per level`);
  const appLoad = { ...settings.app, requests: perLevel };
  const forms = await collectForms(settings.warmup.app + perLevel * levels, slots);

  pool = new pg.Pool({ connectionString: dbUrl, max: settings.poolSize });
  log("warming up");
  const { warmup } = settings;
  const warmups = [];
  for (const [name, requests] of [["baseline", warmup.baseline], ["health", warmup.health], ["app", warmup.app]]) {
    warmups.push(await stage(name, warmup.concurrency, { requests, maxSeconds: 60 }, forms));
  }

  const results = [];
  for (const concurrency of settings.concurrency) {
    log(`${concurrency} concurrent clients: baseline, health, app`);
    const baseline = await stage("baseline", concurrency, settings.baseline, forms);
    const health = await stage("health", concurrency, settings.health, forms);
    const appResult = await stage("app", concurrency, appLoad, forms);
    results.push({ concurrency, app: appResult, baseline, health, ratio: ratios(appResult, baseline) });
  }

  const rows = await database.countRows(dbUrl, references);
  const appPosts = nextForm;
  const appOk = references.length;
  const stages = [...warmups, ...results.flatMap((level) => [level.baseline, level.health, level.app])];
  const failures = stages.flatMap((stage) => stage.failures.map((failure) => ({ stage: stage.stage, ...failure })));
  const baselineOk = nextBaseline - failures.filter((failure) => failure.stage === "baseline").length;
  const server5xx = Object.entries(statusCounts).reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0);
  const appRows = rows.byWriter.app ?? {};
  const baselineRows = rows.byWriter.baseline ?? {};
  const problems = [
    appOk !== appPosts && `${appPosts - appOk} app POSTs did not answer 303 to /book/confirmed`,
    server5xx > 0 && `${server5xx} app POSTs answered 5xx`,
    failures.some((failure) => failure.stage !== "app") && "baseline or health requests failed",
    appRows.confirmedBookings !== appOk && `app: ${appRows.confirmedBookings} confirmed bookings for ${appOk} successful POSTs`,
    rows.appReferencesFound !== appOk && `app: ${rows.appReferencesFound} of ${appOk} redirect references are in the database`,
    appRows.spam > 0 && `app: ${appRows.spam} leads stored as SPAM`,
    appRows.leadsWithoutTwoOutboxRows > 0 && `app: ${appRows.leadsWithoutTwoOutboxRows} leads without exactly 2 outbox rows`,
    baselineRows.confirmedBookings !== baselineOk && `baseline: ${baselineRows.confirmedBookings} confirmed bookings for ${baselineOk} commits`,
    baselineRows.leadsWithoutTwoOutboxRows > 0 && `baseline: ${baselineRows.leadsWithoutTwoOutboxRows} leads without exactly 2 outbox rows`,
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

  console.log(`\n${formatResults(results)}\n`);
  console.log(
    `Correctness: ${appOk}/${appPosts} app POSTs answered 303 (statuses ${JSON.stringify(statusCounts)}), ${server5xx} 5xx; ` +
      `database: app ${JSON.stringify(appRows)}, baseline ${JSON.stringify(baselineRows)}.`,
  );
  for (const failure of failures.slice(0, 20)) console.log(`  failed ${failure.stage} request #${failure.index}: ${failure.status ?? ""} ${failure.detail}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  for (const problem of problems) console.log(`PROBLEM: ${problem}`);
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
