import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { startFakeResend, type FakeResend } from "../../lib/email/fake-resend-server";
import { accounts, PASSWORD, signIn } from "../admin-session";
import { uniqueClientIp } from "../booking-fixtures";
import { CONFIRMED_LOCATION, parseBookingForm, postBooking } from "../booking-http";
import { extraServerPort } from "../server-process";
import { decoded, rawRequest, securityHeadersOf } from "./cluster-http";
import { startCluster, type Cluster } from "./cluster-process";
import { slowClients } from "./cluster-slowloris";
import { createOwnDatabase, type OwnDatabase } from "./own-database";

// `npm run cluster` as deployed: nginx in front of two instances of one build on one PostgreSQL
// (a database of this file's own), sending through a fake Resend started here.

const ports = { nginx: extraServerPort(80), apps: [extraServerPort(11), extraServerPort(12)] as [number, number] };
const RATE_LIMIT = 3;
const buildDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const staticPages = JSON.parse(readFileSync(path.join(buildDir, "static-page-hashes.json"), "utf8")) as Record<string, string[]>;
const articlePath = Object.keys(staticPages).find((route) => route.startsWith("/articles/"))!;
const pageFile = (route: string) => readFileSync(path.join(buildDir, "server", "app", `${route === "/" ? "index" : route}.html`));

// One cluster for the file: after a failure the rest do not start another.
test.describe.configure({ mode: "serial" });

let database: OwnDatabase;
let fake: FakeResend;
let dataDir: string;
let cluster: Cluster;
let sql: pg.Client;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createOwnDatabase("cluster");
  fake = await startFakeResend();
  dataDir = mkdtempSync(path.join(tmpdir(), "e2e-cluster-"));
  cluster = await startCluster(ports, {
    ...database.env,
    DATA_DIR: dataDir,
    APP_URL: `http://127.0.0.1:${ports.nginx}`,
    // Made by the cluster and shared by both instances (kept in DATA_DIR).
    AUTH_SECRET: "",
    NEXTAUTH_SECRET: "",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "",
    RESEND_BASE_URL: fake.url,
    BOOKING_RATE_LIMIT: String(RATE_LIMIT),
    REMINDER_HOURS_BEFORE: "0",
    WORKER_IN_APP: "true",
  });
  const created = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/users.ts", "create", "--email", accounts.staff, "--role", "staff", "--name", "Cluster staff", "--password", PASSWORD], {
    env: { ...process.env, ...database.env },
    encoding: "utf8",
  });
  if (created.status !== 0) throw new Error(`could not make the staff account: ${created.stderr}`);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await sql?.end();
  await cluster?.stop();
  await fake?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && cluster) await testInfo.attach("cluster output", { body: cluster.output(), contentType: "text/plain" });
});

async function loadForm(request: APIRequestContext, baseURL: string) {
  const response = await request.get(`${baseURL}/book`);
  expect(response.status(), `GET ${baseURL}/book`).toBe(200);
  return parseBookingForm(await response.text());
}

test("30 people racing through nginx for 4 times: each time is booked once, and each booking's two emails are sent once, with a worker in each instance", async ({ playwright, request }) => {
  test.setTimeout(300_000);
  let answers: { status: number; text: string }[] = [];
  expect(cluster.output()).toMatch(/^\[app 1\] .*sending through Resend/m);
  expect(cluster.output()).toMatch(/^\[app 2\] .*sending through Resend/m);
  const PEOPLE = 30;
  const slots = (await loadForm(request, cluster.url)).slots.slice(0, 4);
  expect(slots).toHaveLength(4);

  // Each person a browser of their own (one connection a request, as a browser's form post after
  // a while would open). They load the form a few at a time, as people arrive, then all send it at once.
  const people = await Promise.all(Array.from({ length: PEOPLE }, () => playwright.request.newContext({ extraHTTPHeaders: { connection: "close" } })));
  try {
    const forms: Awaited<ReturnType<typeof loadForm>>[] = [];
    for (let first = 0; first < PEOPLE; first += 5) {
      forms.push(...(await Promise.all(people.slice(first, first + 5).map((person) => loadForm(person, cluster.url)))));
    }
    answers = await Promise.all(
      people.map(async (person, index) => {
        const response = await postBooking(person, forms[index]!, slots[index % 4]!, { baseURL: cluster.url, clientIp: uniqueClientIp() });
        return { status: response.status(), text: await response.text() };
      }),
    );
  } finally {
    await Promise.all(people.map((person) => person.dispose()));
  }

  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status >= 500), "no server errors").toEqual([]);
  expect(statuses.filter((status) => status === 303), `statuses: ${statuses.join(", ")}`).toHaveLength(4);
  for (const answer of answers.filter((answer) => answer.status !== 303)) {
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("That time was just taken; please pick another");
  }
  const booked = await sql.query<{ startsAt: Date; email: string }>(
    `SELECT b."startsAt", l.email FROM "Booking" b JOIN "Lead" l ON l.id = b."leadId" WHERE b.status = 'CONFIRMED'`,
  );
  expect(booked.rows.map((row) => row.startsAt.toISOString()).sort(), "each time booked once").toEqual(slots.map((slot) => new Date(slot).toISOString()).sort());

  // Every email owed is sent, and the fake was asked for each once: no instance sent a row another had.
  await expect
    .poll(async () => (await sql.query(`SELECT status, count(*)::int AS n FROM "OutboxMessage" GROUP BY status`)).rows, { timeout: 60_000 })
    .toEqual([{ status: "SENT", n: 8 }]);
  const outboxIds = (await sql.query<{ id: string }>(`SELECT id FROM "OutboxMessage"`)).rows.map((row) => row.id).sort();
  const sends = fake.requests.filter((sent) => sent.path === "/emails").map((sent) => sent.idempotencyKey);
  expect(sends.sort(), "one request to the provider per email owed").toEqual(outboxIds);
  for (const { email } of booked.rows) expect(fake.emails.filter((sent) => sent.to.includes(email)), `emails to ${email}`).toHaveLength(1);
});

test("a form rendered by one instance books when posted to the other (one build, one server-action key)", async ({ request }) => {
  test.setTimeout(120_000);
  const [first, second] = cluster.apps;
  const form = await loadForm(request, first!.url);
  const response = await postBooking(request, form, form.slots[0]!, { baseURL: second!.url, clientIp: uniqueClientIp() });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(CONFIRMED_LOCATION);
  const confirmation = await request.get(new URL(response.headers().location!, second!.url).href);
  expect(confirmation.status()).toBe(200);
});

test("a staff session from signing in on one instance is valid on the other", async ({ browser }) => {
  test.setTimeout(120_000);
  const [first, second] = cluster.apps;
  const signedIn = await browser.newContext({ baseURL: first!.url });
  const page = await signedIn.newPage();
  await signIn(page, "staff");
  await page.goto(`${second!.url}/admin`);
  await expect(page).toHaveURL(`${second!.url}/admin`);
  await expect(page.getByRole("link", { name: "Leads" }).first()).toBeVisible();

  const stranger = await browser.newPage();
  await stranger.goto(`${second!.url}/admin`);
  await expect(stranger, "without the session, the same page asks to sign in").toHaveURL(/\/admin\/sign-in\?callbackUrl=/);
  await signedIn.close();
  await stranger.close();
});

test(`the booking rate limit is shared: from one address, alternating between the instances, booking ${RATE_LIMIT + 1} is refused`, async ({ request }) => {
  test.setTimeout(120_000);
  const sender = uniqueClientIp();
  const slots = (await loadForm(request, cluster.apps[0]!.url)).slots.slice(0, RATE_LIMIT + 1);
  const statuses: number[] = [];
  for (const [index, slot] of slots.entries()) {
    const app = cluster.apps[index % 2]!;
    const response = await postBooking(request, await loadForm(request, app.url), slot, { baseURL: app.url, clientIp: sender });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([...Array(RATE_LIMIT).fill(303), 429]);
});

test("nginx answers the prerendered pages and static files itself, precompressed, with the app's security headers", async () => {
  test.setTimeout(90_000);
  const article = await rawRequest(`${cluster.url}${articlePath}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(article.status).toBe(200);
  expect(article.headers["content-encoding"]).toBe("br");
  expect(article.headers.vary).toMatch(/Accept-Encoding/i);
  expect(decoded(article).equals(pageFile(articlePath)), "the build's page, as it is").toBe(true);
  const gzipped = await rawRequest(`${cluster.url}${articlePath}`, { headers: { "accept-encoding": "gzip" } });
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  expect(decoded(gzipped).equals(pageFile(articlePath))).toBe(true);

  // A file of the build's that the pages load (the article's style sheet, or the home page's scripts).
  const script = /\/_next\/static\/[^"?]+\.(?:css|js)/.exec(`${pageFile(articlePath)}${pageFile("/")}`)![0];
  const asset = await rawRequest(`${cluster.url}${script}`, { headers: { "accept-encoding": "gzip, br" } });
  expect(asset.status).toBe(200);
  expect(asset.headers["content-encoding"]).toBe("br");
  expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(decoded(asset).equals(readFileSync(path.join(buildDir, script.replace("/_next/", ""))))).toBe(true);

  // The same security headers as the app's own answer for each kind of response nginx gives.
  const kinds = ["/", articlePath, "/articles", "/privacy", script, "/articles/no-such-article"];
  for (const kind of kinds) {
    const [fromNginx, fromApp] = await Promise.all([rawRequest(`${cluster.url}${kind}`), rawRequest(`${cluster.apps[0]!.url}${kind}`)]);
    expect(fromNginx.status, kind).toBe(fromApp.status);
    expect(securityHeadersOf(fromNginx), kind).toEqual(securityHeadersOf(fromApp));
  }

  // With both instances frozen, what nginx answers itself still loads.
  for (const app of cluster.apps) process.kill(app.pid, "SIGSTOP");
  try {
    for (const route of ["/", articlePath, "/privacy", script]) {
      expect((await rawRequest(`${cluster.url}${route}`)).status, `${route} with the instances stopped`).toBe(200);
    }
    const missing = await rawRequest(`${cluster.url}/articles/no-such-article`);
    expect(missing.status).toBe(404);
    expect(missing.body.equals(pageFile("/_not-found"))).toBe(true);
  } finally {
    for (const app of cluster.apps) process.kill(app.pid, "SIGCONT");
  }
});

test("100 slowloris connections through nginx do not keep a reader from the booking page, and nginx closes them", async ({ page }) => {
  test.setTimeout(120_000);
  const slow = await slowClients(ports.nginx, 100, 2_000);
  try {
    // While every slow connection is held: a page from the app and one from nginx's files answer.
    const [health, article] = await Promise.all([rawRequest(`${cluster.url}/api/health`), rawRequest(`${cluster.url}${articlePath}`)]);
    expect([health.status, article.status]).toEqual([200, 200]);
    expect(slow.open(), "the slow connections were still held").toBe(100);
    await page.goto(`${cluster.url}/book`);
    await expect(page.getByRole("button", { name: "Book the consultation" })).toBeVisible();
    // client_header_timeout: a drip does not extend it, so nginx closes each one.
    await slow.allClosed;
    expect(slow.open()).toBe(0);
  } finally {
    slow.destroy();
  }
});

test("a body over 1 MiB through nginx gets 413 and the page that says so, as from the app", async () => {
  test.setTimeout(60_000);
  const origin = cluster.url;
  const body = Buffer.alloc(1024 * 1024 + 1024, "a");
  const headers = { origin, "content-type": "application/x-www-form-urlencoded" };
  const fromNginx = await rawRequest(`${cluster.url}/book`, { method: "POST", headers, body });
  expect(fromNginx.status).toBe(413);
  expect(decoded(fromNginx).toString("utf8")).toContain("That was more than the form can take");
  const fromApp = await rawRequest(`${cluster.apps[0]!.url}/book`, { method: "POST", headers: { ...headers, origin: cluster.apps[0]!.url }, body });
  expect(fromApp.status).toBe(413);
  expect(securityHeadersOf(fromNginx)).toEqual(securityHeadersOf(fromApp));
});
