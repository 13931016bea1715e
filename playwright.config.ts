import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { serverArgs, serverEnv } from "./scripts/server-command.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const resendPort = Number(process.env.E2E_RESEND_PORT ?? 3199);
/** Where the fake Resend server (scripts/fake-resend.ts) keeps the emails the app sent. */
const fakeResendUrl = `http://127.0.0.1:${resendPort}`;

/** Playwright's own Chromium when it is installed, else Debian's; never a download. */
function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error(
    "No Chromium for the end-to-end tests. On Debian or Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`. " +
      "Elsewhere, install Chromium with the system's package manager, or Playwright's own build with its CLI where the internet is reachable.",
  );
}

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      // The machine has no internet: keep Chromium from trying to reach Google's services.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [/calendars\.spec\.ts/, /production\//] },
    // Once the rest have run: a consultant taking calls changes who every booking goes to.
    { name: "consultants", use: { ...devices["Desktop Chrome"] }, testMatch: /calendars\.spec\.ts/, dependencies: ["chromium"] },
    // The production shape: each test starts and stops real processes of its own (servers, nginx,
    // a database of its own) and loads them hard, so they run one at a time, after the rest.
    // They need PostgreSQL (a connection to cut, a database two instances share, one read while the
    // server holds it): without DATABASE_URL, the embedded run has none of them (scripts/e2e.mjs says so).
    ...(process.env.DATABASE_URL
      ? [{ name: "production", use: { ...devices["Desktop Chrome"] }, testMatch: /production\/.*\.spec\.ts/, dependencies: ["chromium"], workers: 1 }]
      : []),
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/fake-resend.ts --port ${resendPort}`,
      url: `${fakeResendUrl}/_fake/emails`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node ${serverArgs(process.env.NEXT_DIST_DIR).join(" ")}`,
      env: serverEnv({ ...process.env, PORT: String(port) }) as Record<string, string>,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
