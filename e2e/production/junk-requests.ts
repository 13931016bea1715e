import { createHmac, randomUUID } from "node:crypto";
import type { RealForm } from "./junk-forms";
import { deeplyNested, junkFieldName, junkValue, type Random } from "./junk-values";

// Malformed requests for the junk flood. Each form request starts from a real form (its field
// names, server action id, key and token, read from the page) and is broken in one way that must
// stop it (so nothing may be stored) and up to two more that may not: values, fields, the action's
// own hidden inputs, the body's encoding and content type, the origin, the method.

export type JunkRequest = { label: string; method: string; path: string; headers: Record<string, string>; body?: Buffer };

type Part = { name: Buffer; value: Buffer; filename?: string };
type Draft = { label: string[]; parts: Part[]; headers: Record<string, string>; method: string; shape: "multipart" | "urlencoded" | "action-fetch"; contentType?: string; truncate?: number };

const text = (value: string) => Buffer.from(value, "utf8");
const named = (part: Part, name: string) => part.name.toString("latin1") === name;

function multipart(parts: Part[], boundary: string): Buffer {
  const chunks = parts.flatMap((part) => [
    text(`--${boundary}\r\nContent-Disposition: form-data; name="`),
    part.name,
    text(part.filename === undefined ? '"\r\n\r\n' : `"; filename="${part.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    part.value,
    text("\r\n"),
  ]);
  return Buffer.concat([...chunks, text(`--${boundary}--\r\n`)]);
}

const urlencoded = (parts: Part[]) => text(parts.map((part) => `${encodeURIComponent(part.name.toString("latin1"))}=${part.value.toString("latin1").replace(/[^A-Za-z0-9*._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}`).join("&"));

function encode(draft: Draft, path: string): JunkRequest {
  const boundary = `----junk${randomUUID().replaceAll("-", "")}`;
  let body: Buffer;
  let contentType: string;
  if (draft.shape === "urlencoded") {
    body = urlencoded(draft.parts);
    contentType = "application/x-www-form-urlencoded";
  } else {
    body = multipart(draft.parts, boundary);
    contentType = `multipart/form-data; boundary=${boundary}`;
  }
  if (draft.truncate !== undefined) body = body.subarray(0, Math.floor(body.length * draft.truncate));
  return {
    label: draft.label.join(" + "),
    method: draft.method,
    path,
    headers: { "content-type": draft.contentType ?? contentType, ...draft.headers },
    body,
  };
}

type Breaker = (draft: Draft, random: Random, form: RealForm) => void;

function setField(draft: Draft, name: string, value: Buffer): void {
  const parts = draft.parts.filter((part) => !named(part, name));
  draft.parts = [...parts, { name: text(name), value }];
}

const breakValueOf =
  (names: readonly string[]): Breaker =>
  (draft, random, form) => {
    const name = random.pick(names);
    const original = form.fields.find((field) => field.name === name)?.value ?? "";
    const value = junkValue(random, original);
    setField(draft, name, value.bytes);
    draft.label.push(`${name}: ${value.kind}`);
  };

const dropField =
  (names: readonly string[]): Breaker =>
  (draft, random) => {
    const name = random.pick(names);
    draft.parts = draft.parts.filter((part) => !named(part, name));
    draft.label.push(`${name} missing`);
  };

/**
 * The form's own input whose name matches `pattern`, never a junk field of the same shape added
 * earlier: garbling a junk `$ACTION_2:0` would leave the real action to run (JUNK_SEED=242218294
 * cancelled the real booking that way).
 */
const ownInput = (pattern: RegExp) => (draft: Draft, form: RealForm) => {
  const name = form.fields.find((field) => pattern.test(field.name))?.name;
  return name === undefined ? undefined : draft.parts.find((part) => named(part, name));
};
const boundInput = ownInput(/^\$ACTION_\d+:0$/);
const stateInput = ownInput(/^\$ACTION_\d+:1$/);

const isActionInput = (part: Part) => part.name.toString("latin1").startsWith("$ACTION_");

/**
 * Breaks the server action's own hidden inputs so that no action runs: its id forged wherever it
 * appears, its bound arguments garbled, or the inputs left out.
 */
const breakAction: Breaker = (draft, random, form) => {
  const bound = boundInput(draft, form);
  switch (random.int(4)) {
    case 0: {
      const forged = random.pick(["0".repeat(42), "ff".repeat(21), "x", "", `${form.actionId}00`, "../../etc"]);
      for (const part of draft.parts) {
        part.name = text(part.name.toString("latin1").replaceAll(form.actionId, forged));
        part.value = text(part.value.toString("latin1").replaceAll(form.actionId, forged));
      }
      draft.label.push("forged action id");
      return;
    }
    case 1:
      if (bound) bound.value = text(random.pick(['{"id":', "not json", "null", "[]", '{"id":null,"bound":"$@1"}', `{"id":"${form.actionId}"`, deeplyNested(10_000, "object")]));
      else draft.parts = draft.parts.map((part) => (isActionInput(part) ? { ...part, name: text(`$ACTION_ID_${random.pick(["", "%00", "x".repeat(300)])}`) } : part));
      draft.label.push("action reference garbled");
      return;
    case 2:
      draft.parts = draft.parts.filter((part) => !isActionInput(part));
      draft.label.push("no action inputs");
      return;
    default:
      draft.parts = draft.parts.filter((part) => !/^\$ACTION_(REF_|ID_|\d+:0)/.test(part.name.toString("latin1")));
      draft.label.push("action reference missing");
  }
};

/**
 * Sends back a state the page never wrote. The booking form reads its one-time token from it, so
 * for that form this stops the booking; the other forms read only a count from it.
 */
const forgeState: Breaker = (draft, random, form) => {
  const state = stateInput(draft, form);
  if (!state) return;
  state.value = text(
    random.pick([
      "[", "{}", "[null]", '["$@1"]', '["$Q1"]', '["$K1"]', '["$F1"]', '["$h1"]', '["$D" ]', '[{"formToken":1e309}]',
      '[{"formToken":"mx9bddd5.not-a-uuid","answer":-1}]', '[{"answer":1e308,"values":{"slot":{"$gt":""}}}]', `[${deeplyNested(20_000, "array")}]`,
      '[{"__proto__":{"polluted":true}}]',
      // A token of the right length that this server never issued nor could: not base-36 and hex.
      JSON.stringify([{ formToken: `${Date.now().toString(36)}.${randomUUID()}`.replace(/[0-9a-f]$/, "z"), values: {}, fieldErrors: {}, answer: 0 }]),
    ]),
  );
  draft.label.push("state sent back forged");
};

/** Sends the body so that no form parser can read it whole. */
const breakBody: Breaker = (draft, random) => {
  switch (random.int(3)) {
    case 0:
      draft.truncate = 0.1 + random.int(80) / 100;
      draft.label.push("body truncated");
      return;
    case 1:
      draft.contentType = random.pick(["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=not-the-boundary", "multipart/mixed; boundary=x", "multipart/form-data; boundary=\"unterminated"]);
      draft.label.push("multipart boundary wrong");
      return;
    default:
      // Never a form type: an urlencoded body labelled as one is a readable form, whatever the charset says.
      draft.contentType = random.pick(["text/plain;charset=UTF-8", "application/json", "application/octet-stream", "text/x-component", "image/png", "", "*/*"]);
      draft.label.push(`content type ${draft.contentType || "empty"}`);
  }
};

/** A request no browser of this site sends: another site's page, or a page with no origin at all. */
const crossSite: Breaker = (draft, random) => {
  const origin = random.pick(["https://attacker.example", "null", "http://localhost.attacker.example", "file://"]);
  draft.headers.origin = origin;
  draft.label.push(`Origin ${origin}`);
};

/** Breakages that need not stop a submission on their own; each request gets up to two. */
const extras: Breaker[] = [
  forgeState,
  (draft, random) => {
    const count = random.pick([1, 5, 2_000]);
    for (let i = 0; i < count; i++) draft.parts.push({ name: junkFieldName(random).subarray(0, count > 5 ? 100 : undefined), value: junkValue(random, "").bytes.subarray(0, 200) });
    draft.label.push(`${count} extra fields`);
  },
  (draft, random) => {
    const part = random.pick(draft.parts);
    if (part) draft.parts.push({ ...part, value: junkValue(random, part.value.toString()).bytes });
    draft.label.push("a field twice");
  },
  (draft, random) => {
    const part = random.pick(draft.parts.filter((candidate) => !candidate.name.toString("latin1").startsWith("$ACTION")));
    if (part) {
      part.filename = random.pick(["a.bin", "../../etc/passwd", "résumé.pdf", ""]);
      part.value = random.bytes(random.pick([10, 10_000]));
    }
    draft.label.push("a field sent as a file");
  },
  (draft) => {
    draft.shape = "urlencoded";
    draft.label.push("urlencoded");
  },
  (draft, random) => {
    draft.method = random.pick(["PUT", "PATCH", "DELETE"]);
    draft.label.push(draft.method);
  },
  (draft, random, form) => {
    draft.headers["next-action"] = random.pick([form.actionId, "0".repeat(42), "", "x".repeat(5_000), `${form.actionId}\u00ff`]);
    draft.headers.accept = "text/x-component";
    draft.label.push("Next-Action header");
  },
  (draft, random) => {
    draft.headers["x-forwarded-host"] = random.pick(["attacker.example", "localhost:1", "[::1]", "a".repeat(300)]);
    draft.label.push("X-Forwarded-Host");
  },
  (draft, random) => {
    draft.parts = [...draft.parts].sort(() => random.int(3) - 1);
    draft.label.push("fields reordered");
  },
];

export type FormTarget = {
  form: RealForm;
  /** Breakages that are each enough to stop this form doing anything. */
  stoppers: Breaker[];
};

export const stoppersFor = {
  /** Every required field of the booking form, each of which only a narrow set of values passes. */
  booking: [breakValueOf(["slot", "email", "consent", "companySize", "topic"]), dropField(["fullName", "email", "company", "slot", "consent"]), breakAction, forgeState, breakBody, crossSite],
  move: [breakValueOf(["slot", "token"]), dropField(["token", "slot"]), breakAction, breakBody, crossSite],
  cancel: [breakValueOf(["token"]), dropField(["token"]), breakAction, breakBody, crossSite],
  // Its password is never the real one, so any sign-in here is refused.
  signIn: [breakValueOf(["email", "password", "callbackUrl"]), dropField(["email", "password"]), breakAction, breakBody, crossSite],
} satisfies Record<string, Breaker[]>;

/** One malformed submission of `target`'s form. */
export function junkSubmission(target: FormTarget, random: Random, baseUrl: string): JunkRequest {
  const { form } = target;
  const draft: Draft = {
    label: [form.name],
    parts: form.fields.map((field) => ({ name: text(field.name), value: text(field.value) })),
    headers: { origin: new URL(baseUrl).origin },
    method: "POST",
    shape: "multipart",
  };
  for (let i = random.int(3); i > 0; i--) random.pick(extras)(draft, random, form);
  // Last, so that nothing after it can mend what it broke.
  random.pick(target.stoppers)(draft, random, form);
  return encode(draft, form.path);
}

/** A Svix signature as Resend signs its webhooks, so that some junk gets past the signature check. */
export function svixHeaders(secret: string, id: string, timestamp: number, body: Buffer): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(Buffer.concat([text(`${id}.${timestamp}.`), body])).digest("base64");
  return { "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": `v1,${signature}` };
}

/** Malformed delivery events for /api/webhooks/resend: unsigned, badly signed, and signed with the right secret but junk inside. */
export function junkWebhook(random: Random, secret: string): JunkRequest {
  const now = Math.floor(Date.now() / 1000);
  const event = (createdAt: unknown, data: unknown, type: unknown = random.pick(["email.delivered", "email.bounced", "email.sent", "email.opened", "", 7])) =>
    text(JSON.stringify({ type, created_at: createdAt, data }));
  const body = random.pick([
    () => junkValue(random, "").bytes,
    () => event(random.pick(["-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "0000-00-00", "4713-01-01T00:00:00 BC", "yesterday", 1e308, null, "2026-01-01T00:00:00Z"]), { email_id: randomUUID() }),
    () => event("2026-01-01T00:00:00Z", random.pick([null, [], "x", { email_id: "x".repeat(100_000) }, { email_id: 7 }, { tags: { outbox_id: "' OR 1=1" } }, { tags: { outbox_id: randomUUID() } }, { tags: [] }])),
    () => text(deeplyNested(random.pick([1_000, 60_000]), "object")),
    () => Buffer.alloc(random.pick([65 * 1024, 2 * 1024 * 1024]), "{"),
  ])();
  const id = random.pick([`msg_${randomUUID()}`, "", "x".repeat(5_000), "msg_\u00ff"]);
  const headers = random.pick([
    () => ({}),
    () => ({ "svix-id": id, "svix-timestamp": String(now), "svix-signature": random.pick(["v1,AAAA", "v1,", "", "v2,x", "v1," + "A".repeat(10_000)]) }),
    () => svixHeaders(secret, id || "msg_0", random.pick([now, now - 3600, now + 3600, 0, -1]), body),
    () => svixHeaders(secret, id || "msg_0", now, body),
  ])();
  return {
    label: `webhook ${Object.keys(headers).length ? "signed" : "unsigned"} ${body.length} B`,
    method: random.pick(["POST", "POST", "POST", "PUT", "GET"]),
    path: "/api/webhooks/resend",
    headers: { "content-type": random.pick(["application/json", "text/plain", "application/x-www-form-urlencoded"]), ...headers },
    body,
  };
}

const nextAuthPaths = ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers", "/api/auth/signin", "/api/auth/signin/credentials", "/api/auth/callback/credentials", "/api/auth/signout", "/api/auth/error", "/api/auth/_log", "/api/auth/%ff", "/api/auth/callback/%2e%2e"];

/** Requests for next-auth's routes: junk CSRF tokens, callback URLs and bodies in every content type. */
export function junkNextAuth(random: Random): JunkRequest {
  const path = random.pick(nextAuthPaths);
  const query = random.pick(["", `?callbackUrl=${encodeURIComponent(random.pick(["javascript:alert(1)", "//attacker.example", "http://[::1", "%", "x".repeat(4_000)]))}`, "?error=%3Cscript%3E", "?%ff=%fe"]);
  const method = random.pick(["GET", "POST", "POST", "HEAD", "OPTIONS"]);
  if (method !== "POST") return { label: `next-auth ${method} ${path}`, method, path: path + query, headers: { origin: "https://attacker.example" } };
  const value = junkValue(random, "");
  const body = random.pick([
    () => Buffer.concat([text("csrfToken="), value.bytes, text("&email=a%40b.c&password=x")]),
    () => text(JSON.stringify({ csrfToken: value.bytes.toString("latin1"), callbackUrl: "//attacker.example" })),
    () => value.bytes,
  ])();
  return {
    label: `next-auth POST ${path} ${value.kind}`,
    method,
    path: path + query,
    headers: { "content-type": random.pick(["application/x-www-form-urlencoded", "application/json", "multipart/form-data; boundary=x", "text/plain", ""]), origin: random.pick(["http://localhost", "null", "https://attacker.example"]) },
    body,
  };
}

/** GETs (and other methods) of every public page and route handler with junk in the path, the query and the headers. */
export function junkRoute(random: Random): JunkRequest {
  const junk = encodeURIComponent(junkValue(random, "x").bytes.subarray(0, 3_000).toString("latin1"));
  const path = random.pick([
    `/book?slot=${junk}&timeZone=${junk}`,
    `/book?timeZone=${random.pick(["Mars/Olympus", "../../etc/passwd", "UTC%00", junk])}&intent=show-times`,
    `/book/confirmed?ref=${random.pick(["OPS-000000", "ops-' OR 1=1", junk])}`,
    `/book/manage/${random.pick(["unknown", "a".repeat(43), "%00", "..%2f..%2fadmin", junk.slice(0, 300)])}`,
    `/book/manage/${"A".repeat(43)}?step=cancel&done=${junk}`,
    `/book/calendar/${random.pick(["OPS-ZZZZZZ", "%ff", junk.slice(0, 500), "OPS-000000.ics"])}`,
    `/articles/${random.pick(["%ff", "..%2f..%2fpackage.json", junk.slice(0, 500), "vp-of-operations-vs-coo%00"])}`,
    `/admin/sign-in?callbackUrl=${random.pick(["javascript:alert(1)", "//attacker.example", junk.slice(0, 500)])}`,
    "/api/health?verbose=1",
    "/api/metrics",
    "/api/dev/mailbox",
    `/${random.pick(["%", "%ff", "%c0%af", "..%2f", "%2e%2e/%2e%2e/etc/passwd", "_next/static/..%2f..%2f.env", "_next/image?url=http://169.254.169.254/&w=64&q=75", "a".repeat(7_000)])}`,
  ]);
  const method = random.pick(["GET", "GET", "GET", "HEAD", "POST", "DELETE", "OPTIONS"]);
  const headers: Record<string, string> = random.pick([
    () => ({}),
    () => ({ authorization: random.pick(["Bearer ", "Bearer wrong", "Basic Og==", "Bearer " + "x".repeat(6_000)]) }),
    () => ({ "accept-language": "x".repeat(4_000), "if-none-match": '"', range: "bytes=99999999-0" }),
    () => ({ rsc: "1", "next-router-state-tree": random.pick(["%5B", "not-json", encodeURIComponent(deeplyNested(2_000, "array"))]) }),
    () => ({ "next-router-prefetch": "1", "next-url": junk.slice(0, 200) }),
    () => ({ cookie: random.pick(["__Host-ops_ft=" + junk.slice(0, 2_000), "authjs.session-token=junk", "ops_session=" + "x".repeat(3_000)]) }),
  ])();
  return { label: `${method} ${path.slice(0, 60)}`, method, path, headers, body: method === "POST" ? junkValue(random, "").bytes : undefined };
}
