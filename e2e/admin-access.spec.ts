import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./admin-session";

// Nobody else gets in: every page under app/admin, every admin server action in the build and every
// API route that is not on the public list refuses an anonymous caller; a new one without a check
// fails here. The list comes from the source tree and the build's own manifest, not from a list kept
// by hand.

const PUBLIC_API = new Set(["/api/health", "/api/webhooks/resend", "/api/auth/[...nextauth]", "/api/dev/mailbox"]);
const PUBLIC_ADMIN_PAGES = new Set(["/admin/sign-in"]);
const SAMPLE_ID = "01900000-0000-7000-8000-000000000000";
// What only an ADMIN may see or do: accounts, the audit log, erasure.
const ADMIN_ONLY = /^app\/admin\/\(staff\)\/(accounts|audit)\/|#erase|#setTakesCallsAction/;
const isAdminOnly = (fileOrRoute: string) => ADMIN_ONLY.test(fileOrRoute);

function routes(dir: string, file: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routes(full, file));
    else if (entry.name === file) found.push(full);
  }
  return found;
}
const routePath = (file: string) =>
  "/" + path.relative("app", path.dirname(file)).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/");
const concrete = (route: string) => route.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, SAMPLE_ID);

const adminPages = routes("app/admin", "page.tsx").map(routePath).filter((route) => !PUBLIC_ADMIN_PAGES.has(route));
const privateApis = [...routes("app/api", "route.ts"), ...routes("app/admin", "route.ts")].map(routePath).filter((route) => !PUBLIC_API.has(route));

type ManifestAction = { filename: string; exportedName: string; workers: Record<string, unknown> };
const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next-e2e", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestAction> };
const adminActions = Object.entries(manifest.node)
  .filter(([, action]) => action.filename.startsWith("app/admin/") && !action.filename.startsWith("app/admin/sign-in/"))
  .map(([id, action]) => ({ id, name: `${action.filename}#${action.exportedName}`, page: concrete(routePath(`app/${Object.keys(action.workers)[0]!.replace(/^app\//, "")}.tsx`)) }));

async function callAction(request: APIRequestContext, baseURL: string, action: (typeof adminActions)[number]) {
  // As the client calls an action: its id in a header, its arguments (none here) as the body.
  return request.post(action.page, {
    headers: { "next-action": action.id, origin: baseURL, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
}

test("the lists are not empty: the enumeration itself works", () => {
  expect(adminPages).toContain("/admin/leads");
  expect(privateApis).toContain("/admin/leads/export");
  expect(adminActions.map((action) => action.name)).toContain("app/admin/(staff)/leads/[id]/actions.ts#changeLeadAction");
});

test("every admin page sends an anonymous visitor to sign in, and is never cached by a shared cache", async ({ request }) => {
  for (const route of adminPages) {
    const response = await request.get(concrete(route), { maxRedirects: 0 });
    expect([303, 307], `${route} answered ${response.status()}`).toContain(response.status());
    expect(response.headers().location, route).toMatch(/^\/admin\/sign-in\?callbackUrl=/);
    expect(response.headers()["cache-control"], route).toMatch(/private.*no-store|no-store.*private/);
  }
});

test("every admin server action answers an anonymous caller 401 and changes nothing", async ({ request, baseURL }) => {
  for (const action of adminActions) {
    const response = await callAction(request, baseURL!, action);
    expect(response.status(), action.name).toBe(401);
  }
});

test("every private API route answers an anonymous caller 401", async ({ request }) => {
  for (const route of privateApis) {
    const response = await request.get(concrete(route), { maxRedirects: 0 });
    expect(response.status(), route).toBe(401);
  }
});

test("a forged middleware header opens nothing", async ({ request }) => {
  const response = await request.get("/admin/leads", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }, maxRedirects: 0 });
  expect(response.status()).not.toBe(200);
  expect(response.headers().location).toMatch(/^\/admin\/sign-in/);
});

test("a STAFF account gets 403 from every ADMIN page and action", async ({ page, baseURL }) => {
  await signIn(page, "staff", "/admin");
  const pages = routes("app/admin", "page.tsx").filter(isAdminOnly).map(routePath);
  expect(pages).toEqual(expect.arrayContaining(["/admin/accounts", "/admin/audit"]));
  for (const route of pages) {
    const response = await page.request.get(concrete(route), { maxRedirects: 0 });
    expect(response.status(), route).toBe(403);
  }
  const actions = adminActions.filter((action) => isAdminOnly(action.name));
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    const response = await callAction(page.request, baseURL!, action);
    expect(response.status(), action.name).toBe(403);
  }
});

test("an ADMIN account opens the ADMIN pages", async ({ page }) => {
  await signIn(page, "admin", "/admin/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "sign-in", exact: true }).first()).toBeVisible();
});

test("a signed-in staff member's actions get past the check (the refusal above is the check, not a broken call)", async ({ page, baseURL }) => {
  await signIn(page, "staff", "/admin/leads");
  const action = adminActions.find((candidate) => candidate.name.endsWith("#changeLeadAction"))!;
  const response = await callAction(page.request, baseURL!, action);
  expect(response.status(), "past the check; no arguments at all, so sent back to the list, not a 500").toBe(200);
  expect(response.headers()["x-action-redirect"]).toMatch(/^\/admin\/leads/);
});
