// npm run test:e2e: builds the production site into its own folder and runs Playwright against it.
// With DATABASE_URL the server uses that PostgreSQL; without, a fresh embedded database in a
// temporary folder, so a running `npm start` and its .data are never touched.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT || "3100";
const resendPort = process.env.E2E_RESEND_PORT || "3199";

/** Days from now until ten days after the later of the next US and EU clock changes. */
function daysPastNextDstChanges() {
  const offset = (zone, day) =>
    new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(day).split(" ").pop();
  const today = Date.now();
  let latest = 0;
  for (const zone of ["America/New_York", "Europe/London"]) {
    let day = 1;
    while (day < 366 && offset(zone, new Date(today + day * 86_400_000)) === offset(zone, new Date(today))) day++;
    latest = Math.max(latest, day);
  }
  return latest + 10;
}
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "e2e-data-"));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-e2e",
  E2E_PORT: port,
  APP_URL: `http://localhost:${port}`,
  // People in these tests fill the form in well under the 3 s that marks a script, and the
  // horizon reaches past the next DST changes so the tests can book on both sides of one.
  BOOKING_MIN_FILL_SECONDS: "0",
  BOOKING_HORIZON_DAYS: String(Math.max(30, daysPastNextDstChanges())),
  ...(dataDir ? { DATA_DIR: dataDir } : {}),
  // Emails go through the real resend SDK to a local server that answers like Resend's API
  // (scripts/fake-resend.ts, started by Playwright), where the tests read them back.
  E2E_RESEND_PORT: resendPort,
  RESEND_API_KEY: "re_e2e_test_key",
  RESEND_BASE_URL: `http://127.0.0.1:${resendPort}`,
  RESEND_MAX_PER_SECOND: "20",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  // Each test books from an address of its own, sent as X-Forwarded-For: the tests stand in for
  // a proxy on loopback, whose word the server takes only because it is configured to.
  TRUSTED_PROXIES: "loopback",
  // The staff accounts the admin tests sign in with, made before the server starts.
  E2E_ADMIN_EMAIL: "e2e-admin@example.com",
  E2E_STAFF_EMAIL: "e2e-staff@example.com",
  // Signing out ends every session of an account, so each test that signs out has its own.
  E2E_WORKER_JS_EMAIL: "e2e-worker-js@example.com",
  E2E_WORKER_NOJS_EMAIL: "e2e-worker-nojs@example.com",
  // The consultant whose calendar e2e/calendars.spec.ts connects: a CalDAV server on loopback.
  E2E_CONSULTANT_EMAIL: "e2e-consultant@example.com",
  CALENDAR_ALLOW_PRIVATE_HOSTS: "true",
  CALENDAR_ENCRYPTION_KEY: "ZTJlLWNhbGVuZGFyLWtleS1lMmUtY2FsZW5kYXItayE=",
  E2E_PASSWORD: "e2e-password-e2e-password",
  // /api/metrics answers only with a token set; the access test checks it refuses anyone without it.
  METRICS_TOKEN: "e2e-metrics-token-0123456789",
};
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

/** Creates the account, or (on a database kept from an earlier run) sets its password again. */
function account(email, role, name) {
  const users = (command, ...rest) =>
    spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/users.ts", command, "--email", email, "--password", env.E2E_PASSWORD, ...rest], { env, encoding: "utf8" });
  const created = users("create", "--role", role, "--name", name);
  if (created.status === 0) return 0;
  if (!/already exists/.test(created.stderr)) {
    process.stderr.write(created.stderr);
    return created.status ?? 1;
  }
  const reset = users("password");
  if (reset.status !== 0) process.stderr.write(reset.stderr);
  return reset.status ?? 1;
}

let status = run(path.join("node_modules", ".bin", "tsx"), ["scripts/build.ts"]);
if (status === 0) {
  status =
    account(env.E2E_ADMIN_EMAIL, "admin", "E2E admin") ||
    account(env.E2E_STAFF_EMAIL, "staff", "E2E staff") ||
    account(env.E2E_WORKER_JS_EMAIL, "staff", "E2E worker with JS") ||
    account(env.E2E_WORKER_NOJS_EMAIL, "staff", "E2E worker without JS") ||
    account(env.E2E_CONSULTANT_EMAIL, "staff", "E2E Consultant");
}
if (status === 0) status = run(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)]);
if (!process.env.DATABASE_URL) console.info("The production-shape tests (e2e/production: crash, database outage, junk flood, cluster) need PostgreSQL: set DATABASE_URL to run them too.");
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
