// The admin over 100,000 leads: the leads list, a filtered page, a search, a page 50,000 rows deep
// and the CSV export, each timed through the production server (median and p95 of sequential
// requests, measured by the client over loopback) and, as the baseline in the same run, the same
// data-layer call made directly against the same database (the query without the page). Also the
// server's memory while the export streams. A report, not a test: nothing here asserts a timing.
// Run by `npm run bench` (scripts/bench.mjs, its admin stage) on the bench's build; on its own:
// tsx scripts/bench-admin.ts. Its figures also go to bench/results/admin.json, for the bench's table.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { createAccount } from "../lib/auth/accounts";
import { encodeSession, sessionCookieName } from "../lib/auth/session-token";
import { verifyStaff, type Staff } from "../lib/auth/verify-staff";
import { openDatabase } from "../lib/db/open-database";
import { encodeLeadCursor } from "../lib/leads/lead-cursor";
import { leadListQuerySchema, type LeadListQuery } from "../lib/leads/lead-list-query";
import { listLeads, listLeadsForExport } from "../lib/leads/list-leads";
import { seedDemo } from "./seed-demo-data";
import { build, start } from "../bench/server.mjs";

const LEADS = Number(process.env.BENCH_ADMIN_LEADS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_ADMIN_SAMPLES ?? 40);
const WARMUP = 5;
const PORT = Number(process.env.BENCH_ADMIN_PORT ?? 3291);
const ZONE = "America/New_York";
const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `bench_admin_${Date.now()}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
// BENCH_ADMIN_BUILD: a production build to serve as it is (the bench passes its own), neither built nor removed here.
const reusedBuild = process.env.BENCH_ADMIN_BUILD;
const distDir = reusedBuild || ".next-bench-admin";
const secret = "bench-admin-secret-bench-admin-secret-0123";
const resultsDir = "bench/results";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Resident memory of a process and its children, in MB (Linux). */
function residentMb(pid: number): number {
  const rss = (id: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    children = [];
  }
  return Math.round(([pid, ...children].map(rss).reduce((a, b) => a + b, 0) / 1024) * 10) / 10;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const database = openDatabase({ kind: "postgres", url: dbUrl, poolSize: 10 });
  let server: { pid: number | undefined; stop(): Promise<void> } | undefined;
  try {
    await database.migrate();
    const seedStarted = performance.now();
    await seedDemo(database.prisma, { leads: LEADS, seed: 7 });
    console.log(`[bench:admin] seeded ${LEADS.toLocaleString("en-US")} leads in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const account = await createAccount(database.prisma, { email: "bench-admin@example.com", role: "ADMIN", password: "bench-admin-password" });
    const settings = { secret, sessionHours: 8, perAccount: { limit: 5, windowSeconds: 900 }, perIp: { limit: 20, windowSeconds: 900 }, secureCookies: false };
    const cookie = `${sessionCookieName(settings)}=${await encodeSession({ ...account, name: "Bench", sessionVersion: 0 }, settings)}`;
    const staff = (await verifyStaff(database.prisma, { sub: account.id, role: "ADMIN", sv: 0 })) as Staff;

    const deep = await database.prisma.lead.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: Math.floor(LEADS / 2), take: 1, select: { createdAt: true, id: true } });
    const surname = (await database.prisma.lead.findFirstOrThrow({ where: { status: "QUALIFIED" }, select: { fullName: true } })).fullName.split(" ").pop()!;
    const scenarios: Array<{ name: string; params: Record<string, string> }> = [
      { name: "list, newest first", params: {} },
      { name: "filtered: QUALIFIED, one topic", params: { status: "QUALIFIED", topic: "DEFINE_ROLE" } },
      { name: `search "${surname}"`, params: { q: surname } },
      { name: `page ${Math.floor(LEADS / 2 / 50).toLocaleString("en-US")} (keyset)`, params: { after: encodeLeadCursor({ at: deep[0]!.createdAt, id: deep[0]!.id }) } },
    ];

    const env = { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: dbUrl, AUTH_SECRET: secret, RESEND_API_KEY: "re_bench_unused", WORKER_IN_APP: "false", APP_URL: `http://127.0.0.1:${PORT}`, FIRM_TIME_ZONE: ZONE };
    mkdirSync(resultsDir, { recursive: true });
    if (!reusedBuild) {
      console.log("[bench:admin] building");
      build(env, `${resultsDir}/admin-build.log`);
    }
    // BENCH_ADMIN_SERVER_NODE_OPTIONS (e.g. --max-old-space-size=96) for the server only: does the export fit a small heap?
    const running = await start({ ...env, NODE_OPTIONS: process.env.BENCH_ADMIN_SERVER_NODE_OPTIONS ?? "" }, PORT, `${resultsDir}/admin-server.log`);
    server = running;
    const pid = running.pid!;
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie }, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return response.text();
    };

    const rows: string[][] = [];
    const measured: Array<{ name: string; page: { p50: number; p95: number }; direct: { p50: number; p95: number } }> = [];
    for (const scenario of scenarios) {
      const search = new URLSearchParams(scenario.params).toString();
      const query: LeadListQuery = leadListQuerySchema.parse(scenario.params);
      const page = summary(await time(() => get(`/admin/leads${search ? `?${search}` : ""}`)));
      const direct = summary(await time(() => listLeads(database.prisma, staff, query, ZONE)));
      measured.push({ name: scenario.name, page, direct });
      rows.push([scenario.name, page.p50.toFixed(1), page.p95.toFixed(1), direct.p50.toFixed(1), direct.p95.toFixed(1), (page.p95 / direct.p95).toFixed(1)]);
    }

    const before = residentMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 50);
    const exportStarted = performance.now();
    const csv = await get("/admin/leads/export");
    const exportMs = performance.now() - exportStarted;
    clearInterval(sampler);
    const after = residentMb(pid);
    const directStarted = performance.now();
    let directRows = 0;
    for await (const batch of listLeadsForExport(database.prisma, staff, {}, ZONE)) directRows += batch.length;
    const directMs = performance.now() - directStarted;
    const csvRows = csv.split("\r\n").filter(Boolean).length - 1;

    const header = ["", "page p50 ms", "page p95 ms", "direct p50 ms", "direct p95 ms", "p95 ratio"];
    const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
    console.log(`\nThe admin over ${LEADS.toLocaleString("en-US")} leads (${SAMPLES} sequential requests each, after ${WARMUP} to warm up)\n`);
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`\nCSV export: ${csvRows.toLocaleString("en-US")} rows, ${(csv.length / 1e6).toFixed(1)} MB in ${(exportMs / 1000).toFixed(1)} s through the server; the same ${directRows.toLocaleString("en-US")} rows read directly in ${(directMs / 1000).toFixed(1)} s (${(exportMs / directMs).toFixed(1)}x)`);
    console.log(`Server memory while exporting: ${before} MB before, ${peak} MB at the peak, ${after} MB after (+${(peak - before).toFixed(1)} MB)`);
    const problems = csvRows !== LEADS || directRows !== LEADS ? [`the export had ${csvRows} rows and the direct read ${directRows}, not ${LEADS}`] : [];
    for (const problem of problems) console.error(`[bench:admin] ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
    const exportRun = { rows: csvRows, megabytes: csv.length / 1e6, ms: exportMs, directMs, rssMb: { before, peak, after } };
    writeFileSync(`${resultsDir}/admin.json`, `${JSON.stringify({ generatedAt: new Date().toISOString(), leads: LEADS, samples: SAMPLES, warmup: WARMUP, scenarios: measured, export: exportRun, problems }, null, 2)}\n`);
  } finally {
    await server?.stop();
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    if (!reusedBuild) rmSync(distDir, { recursive: true, force: true });
  }
}

await main();
