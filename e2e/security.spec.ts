import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { loadBookingForm } from "./booking-http";
import { extraServerPort, startServer, untilHealthy } from "./server-process";

const ARTICLE = "/articles/vp-of-operations-vs-coo";

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(csp, `${what}: a CSP`).toContain("default-src 'none'");
  expect(csp, `${what}: not framed`).toContain("frame-ancestors 'none'");
  expect(scriptSrc, `${what}: script-src`).toContain("'self'");
  expect(csp, `${what}: nothing inline or eval'd without a nonce or hash`).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-powered-by"], what).toBeUndefined();
  return scriptSrc;
}

test("every kind of response carries the security headers: static and dynamic pages, the admin, route handlers, assets, a 404", async ({ request }) => {
  const book = await request.get("/book");
  const asset = /<script[^>]* src="(\/_next\/static\/[^"]+)"/.exec(await book.text())?.[1];
  expect(asset, "the booking form's script").toBeDefined();
  for (const url of [ARTICLE, "/", "/privacy", "/book", "/admin/sign-in", "/api/health", "/robots.txt", "/sitemap.xml", "/plain-page.css", asset!, "/no-such-page"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
    expectSecurityHeaders(response, url);
  }
});

test("a reader's page is static HTML that runs no script and allows none inline; the booking form runs only its own file; a page with the framework allows a fresh nonce on each script", async ({ request }) => {
  for (const url of [ARTICLE, "/", "/articles", "/privacy"]) {
    const page = await request.get(url);
    expect(expectSecurityHeaders(page, url), `${url} is static: no nonce, and no inline script to hash`).toBe("'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts, `${url}: no script of any kind`).toEqual([]);
    expect(html, `${url}: no script preloaded`).not.toMatch(/<link[^>]+\.js"/);
    expect(html, `${url}: no React payload`).not.toContain("__next_f");
  }

  // The booking pages are rendered per request but served without Next's scripts: their one script is a file of this origin.
  const book = await request.get("/book");
  expectSecurityHeaders(book, "/book");
  const bookScripts = [...(await book.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(bookScripts, "/book: its own module, and nothing inline").toEqual([expect.stringMatching(/^<script type="module" src="\/_next\/static\/page-scripts\/[^"]+">$/)]);

  const nonces: string[] = [];
  for (let load = 0; load < 2; load++) {
    const signIn = await request.get("/admin/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(expectSecurityHeaders(signIn, "/admin/sign-in"))?.[1];
    expect(nonce, "the sign-in has a nonce").toBeDefined();
    const scripts = [...(await signIn.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every script carries the nonce").toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(nonces[0], "a new nonce per response").not.toBe(nonces[1]);
});

test("in the browser, no page breaks its own policy: the framework's scripts run on the sign-in, the form's own on /book, none on the article", async ({ page }) => {
  test.slow();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  // A refusal the page catches itself (a library probing for eval) logs nothing, but still fires this.
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  const frameworkStarted = () => Boolean((window as unknown as { next?: { version?: string } }).next?.version);
  await page.goto("/admin/sign-in");
  // Set by the framework's own script once it has started; its inline payload scripts ran before it.
  await page.waitForFunction(frameworkStarted);
  await page.goto("/book");
  // Leaving a field loads and runs the form's checks (zod, which must not try eval).
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Work email").blur();
  await expect(page.getByText("Enter an email address like name@company.com").first()).toBeVisible();
  expect(await page.evaluate(frameworkStarted), "no framework on the booking form").toBe(false);
  await page.goto(ARTICLE, { waitUntil: "load" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(frameworkStarted), "no framework on the article").toBe(false);
  expect(violations).toEqual([]);
});

test("a form sent from another site, with a null Origin or none, is refused with 403 and a page saying so; nothing is stored", async ({ request }) => {
  const form = await loadBookingForm(request);
  const email = `cross.site.${randomUUID().slice(0, 8)}@example.com`;
  for (const origin of ["https://attacker.example", "null", undefined]) {
    const response = await request.post("/book", {
      headers: origin ? { origin } : {},
      multipart: { ...form.hidden, fullName: "Cross Site", email, slot: form.slots[0]!, consent: "yes", website: "" },
      maxRedirects: 0,
    });
    expect(response.status(), `Origin ${origin}`).toBe(403);
    expect(await response.text()).toContain("This form came from another site");
  }
  const signIn = await request.post("/api/auth/callback/credentials", { headers: { origin: "https://attacker.example" }, form: { email: "x@example.com", password: "y" }, maxRedirects: 0 });
  expect(signIn.status(), "the sign-in too").toBe(403);
  expect((await loadBookingForm(request)).slots, "the time is still free").toContain(form.slots[0]);
});

test("a 13 MB form post gets 413 and a page that says so, not a 500", async ({ request, baseURL }) => {
  const form = await loadBookingForm(request);
  const response = await request.post("/book", {
    headers: { origin: new URL(baseURL!).origin },
    multipart: { ...form.hidden, fullName: "Big Body", message: "x".repeat(13 * 1024 * 1024), slot: form.slots[0]!, consent: "yes" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("That was more than the form can take");
});

test("a second server on an embedded database another server is using exits with its message", async () => {
  test.slow();
  const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-locked-"));
  const embedded = { DATABASE_URL: "", DATA_DIR: dataDir };
  const first = startServer(extraServerPort(3), embedded);
  try {
    await untilHealthy(first);
    const second = startServer(extraServerPort(4), embedded);
    const exit = await Promise.race([second.exited, new Promise((resolve) => setTimeout(() => resolve("still running after 60 s"), 60_000))]);
    if (exit === "still running after 60 s") await second.stop();
    expect(exit, second.output()).toBe(1);
    expect(second.output()).toContain(`The embedded database in ${dataDir} is in use by process`);
    expect((await fetch(`${first.url}/api/health`)).status, "the first goes on serving").toBe(200);
  } finally {
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
