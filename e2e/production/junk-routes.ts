import { createHmac, randomBytes } from "node:crypto";
import { encodeMultipart, fieldParts, multipartType, type Part } from "./junk-multipart";
import { junkActionModel, mutateParts, setPart } from "./junk-parts";
import type { Context } from "./junk-recipes";
import { junkInUrl, percentEncoded } from "./junk-recipes";
import type { JunkRequest } from "./junk-send";
import { junkValue, nestedJson } from "./junk-values";

// Every other public form and route, broken: the manage link's move and cancel, staff sign-in
// and every staff action (anonymously), next-auth's handler, Resend's webhook, and the pages and
// routes read with GET, with junk in their paths and query strings.

const forgedToken = (context: Context) =>
  context.random.pick([randomBytes(32).toString("base64url"), "x".repeat(43), "short", "", "!".repeat(43), context.site.booked.token.slice(0, 42) + "=", context.site.booked.token.toLowerCase()]);

/** A time the booking cannot move to: not a time at all, long past, far ahead, off the grid, or its own. */
function unbookableSlot(context: Context): string | undefined {
  const slot = context.random.pick(context.site.booking.slots);
  return context.random.pick([undefined, "", "not a time", "2000-01-01T09:00:00.000Z", "2999-01-01T09:00:00.000Z", new Date(Date.parse(slot) + 7 * 60_000).toISOString(), "1e309", "<script>alert(document.cookie)</script>"]);
}

export function manageForms(context: Context): JunkRequest {
  const { site, random, log, headers } = context;
  const multipart = { ...headers, "content-type": multipartType() };
  const move = site.booked.move;
  switch (random.int(3)) {
    case 0: {
      // The real link and form, with a time it cannot move to.
      let parts: Part[] = fieldParts({ ...move, timeZone: "Europe/Paris" });
      if (random.chance(0.3)) {
        const state = junkActionModel(random, move["$ACTION_1:1"]!, site.actions[0]!.id);
        parts = setPart(parts, "$ACTION_1:1", state.value);
        log.push(`state: ${state.label}`);
      }
      parts = mutateParts(random, parts, log).filter((part) => String(part.name) !== "slot");
      const slot = unbookableSlot(context);
      log.push(`slot: ${JSON.stringify(slot)}`);
      parts = setPart(parts, "slot", slot);
      // A move with another token may carry any time: no booking has that token.
      return { recipe: `move with the real link: ${log.join("; ")}`, method: "POST", path: `/book/manage/${site.booked.token}`, headers: multipart, body: encodeMultipart(parts) };
    }
    case 1: {
      const token = forgedToken(context);
      let parts = setPart(fieldParts({ ...move, slot: random.pick(site.booking.slots) }), "token", token);
      parts = mutateParts(random, parts, log);
      if (!parts.some((part) => String(part.name) === "token")) parts = setPart(parts, "token", token);
      return { recipe: `move with forged token ${JSON.stringify(token)}: ${log.join("; ")}`, method: "POST", path: `/book/manage/${encodeURIComponent(token) || "x"}`, headers: multipart, body: encodeMultipart(parts.map((part) => (String(part.name) === "token" ? { ...part, value: token } : part))) };
    }
    default: {
      const token = forgedToken(context);
      const id = site.actions.find((action) => action.name === "cancelBookingAction")!.id;
      const parts = setPart(mutateParts(random, fieldParts({ [`$ACTION_ID_${id}`]: "", token }), log), "token", token);
      return { recipe: `cancel with forged token ${JSON.stringify(token)}: ${log.join("; ")}`, method: "POST", path: `/book/manage/${encodeURIComponent(token) || "x"}?step=cancel`, headers: multipart, body: encodeMultipart(parts) };
    }
  }
}

export function signIn(context: Context): JunkRequest {
  const { site, random, log, headers } = context;
  const email = random.chance(0.1) ? "someone@example.com" : `junk.${randomBytes(4).toString("hex")}@example.com`;
  let parts: Part[] = fieldParts({ ...site.signIn, email, password: "not-the-password" });
  if (random.chance(0.3)) {
    const state = junkActionModel(random, site.signIn["$ACTION_1:1"]!, site.actions[0]!.id);
    parts = setPart(parts, "$ACTION_1:1", state.value);
    log.push(`state: ${state.label}`);
  }
  parts = mutateParts(random, parts, log);
  return { recipe: `staff sign-in: ${log.join("; ")}`, method: "POST", path: "/admin/sign-in", headers: { ...headers, "content-type": multipartType() }, body: encodeMultipart(parts) };
}

/** A page the action is offered on, with made-up route parameters. */
function pageOf(page: string, context: Context): string {
  const route = page.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "");
  return route.replace(/\[[^\]]+\]/g, () => context.random.pick([randomBytes(16).toString("hex"), "00000000-0000-4000-8000-000000000000", forgedToken(context) || "x"])) || "/";
}

export function anyAction(context: Context): JunkRequest {
  const { site, random, log, headers } = context;
  const action = random.pick(site.actions);
  const path = pageOf(random.pick(action.pages), context);
  if (random.chance(0.5)) {
    const parts = mutateParts(random, fieldParts({ [`$ACTION_ID_${action.id}`]: "", userId: "00000000-0000-4000-8000-000000000000", leadId: "junk", token: forgedToken(context) }), log);
    return { recipe: `${action.name} as a form, anonymously, at ${path}: ${log.join("; ")}`, method: "POST", path, headers: { ...headers, "content-type": multipartType() }, body: encodeMultipart(parts) };
  }
  const model = junkActionModel(random, '[{"answer":0},"$K1"]', action.id);
  return {
    recipe: `${action.name} as React's client calls it, anonymously, at ${path}: arguments ${model.label}`,
    method: "POST",
    path,
    headers: { ...headers, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    body: Buffer.from(model.value),
  };
}

export function nextAuth(context: Context): JunkRequest {
  const { random, headers } = context;
  const route = random.pick(["session", "csrf", "providers", "signin", "signin/credentials", "signout", "callback/credentials", "callback/junk", "error", "_log", "verify-request", "junk", "callback", "", "session/x/y"]);
  const query = random.chance(0.4) ? `?${random.pick(["callbackUrl", "error", "csrf", "json"])}=${junkInUrl(random, "https://evil.example").text}` : "";
  const path = `/api/auth/${route}${query}`;
  const method = random.pick(["GET", "POST", "POST", "PUT", "DELETE", "HEAD"]);
  if (method === "GET" || method === "HEAD") return { recipe: `next-auth: ${method} ${path}`, method, path, headers };
  const fields: Record<string, string> = { email: "someone@example.com", password: "x", csrfToken: random.pick(["", "forged", randomBytes(32).toString("hex")]), callbackUrl: "/admin", json: "true" };
  const junk = junkValue(random, "x");
  const field = random.pick(Object.keys(fields));
  const [type, body] = random.pick([
    ["application/x-www-form-urlencoded", () => Buffer.concat([Buffer.from(new URLSearchParams({ ...fields, [field]: "" }).toString() + `&${field}=`), Buffer.from(percentEncoded(junk.bytes.subarray(0, 50_000)))])],
    ["application/json", () => Buffer.from(JSON.stringify({ ...fields, [field]: random.chance(0.5) ? { nested: [1, { a: null }] } : junk.bytes.toString("utf8") }))],
    ["application/json", () => Buffer.from(nestedJson(random.pick([100, 50_000]), "object"))],
    ["multipart/form-data; boundary=----junkBoundary7MA4YWxkTrZu0gW", () => encodeMultipart(fieldParts(fields))],
    ["text/plain", () => junk.bytes],
  ] as const);
  return { recipe: `next-auth: ${method} ${path} as ${type}, ${field}: ${junk.label}`, method, path, headers: { ...headers, "content-type": type }, body: body() };
}

export function webhook(context: Context): JunkRequest {
  const { random, headers } = context;
  const event = JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: randomBytes(8).toString("hex"), to: ["x@example.com"] } });
  const body = random.pick([Buffer.from(event), junkValue(random, event).bytes, Buffer.from(nestedJson(10_000, "object")), Buffer.alloc(70 * 1024, "a"), Buffer.alloc(0)]);
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const now = Math.floor(Date.now() / 1000);
  const sign = (secret: string, timestamp: number) => `v1,${createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(`${id}.${timestamp}.${body.toString("utf8")}`).digest("base64")}`;
  const [label, svix] = random.pick([
    ["unsigned", {}],
    ["signed with another secret", { "svix-id": id, "svix-timestamp": String(now), "svix-signature": sign(`whsec_${randomBytes(24).toString("base64")}`, now) }],
    ["signed an hour ago", { "svix-id": id, "svix-timestamp": String(now - 3600), "svix-signature": sign(context.webhookSecret, now - 3600) }],
    ["a junk signature", { "svix-id": id, "svix-timestamp": random.pick(["abc", "-1", "1e309", String(now)]), "svix-signature": random.pick(["", "v1,", "v1,%%%", "v2,abc", "x".repeat(8000)]) }],
    ["half the headers", { "svix-id": id }],
  ] as const);
  const method = random.pick(["POST", "POST", "POST", "GET", "PUT"]);
  // Resend's servers send no Origin.
  const serverToServer: Record<string, string> = { ...headers };
  delete serverToServer.origin;
  return { recipe: `Resend webhook: ${method}, ${label}, a body of ${body.length} bytes`, method, path: "/api/webhooks/resend", headers: { ...serverToServer, ...svix, "content-type": random.pick(["application/json", "text/plain", "multipart/form-data"]) }, body: method === "GET" ? undefined : body };
}

export function readRoutes(context: Context): JunkRequest {
  const { site, random, headers } = context;
  const junk = junkInUrl(random, site.booked.reference);
  const [label, path, extra] = random.pick([
    ["/book's zone", `/book?tz=${junk.text}`, {}],
    ["/book's zone twice", `/book?tz=Europe/Paris&tz=${junk.text}`, {}],
    ["the confirmation", `/book/confirmed?ref=${junk.text}`, {}],
    ["the confirmation, two refs", `/book/confirmed?ref=${site.booked.reference}&ref=${junk.text}`, {}],
    ["the calendar file", `/book/calendar/${junk.text}`, {}],
    ["the calendar file", `/book/calendar/${site.booked.reference}${junk.text}`, {}],
    ["the manage page", `/book/manage/${junk.text}`, {}],
    ["the manage page", `/book/manage/${site.booked.token}?step=${junk.text}&done=${junk.text}&failed=${junk.text}`, {}],
    ["the health check", `/api/health?${junk.text}`, {}],
    ["the dev mailbox", `/api/dev/mailbox?limit=${junk.text}`, { authorization: `Bearer ${junk.text.slice(0, 4000)}` }],
    ["the CSV export, anonymously", `/admin/leads/export?${random.pick(["q", "status", "sort", "after", "owner", "from"])}=${junk.text}`, {}],
    ["the CSV export with a forged session", "/admin/leads/export", { cookie: `next-auth.session-token=${junk.text.slice(0, 4000)}` }],
    ["the sign-in page", `/admin/sign-in?callbackUrl=${junk.text}`, {}],
    ["an admin page", `/admin/leads?q=${junk.text}`, {}],
    ["a made-up path", `/${junk.text}`, {}],
    ["an article", `/articles/${junk.text}`, {}],
    ["a path under /book", `/book/${junk.text}`, {}],
    ["an RSC request", `/book?_rsc=${junk.text}`, { rsc: "1", "next-router-state-tree": junk.text.slice(0, 2000) }],
  ] as const);
  const method = random.pick(["GET", "GET", "GET", "HEAD", "OPTIONS", "DELETE", "PUT", "PATCH"]);
  const body = method === "PUT" || method === "PATCH" || method === "DELETE" ? junkValue(random, "x").bytes.subarray(0, 100_000) : undefined;
  return { recipe: `${method} ${label}: ${junk.label} (${path.slice(0, 120)})`, method, path, headers: { ...headers, ...extra }, body };
}
