import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/**
 * A local HTTP server that answers like Resend's `POST /emails`, for tests and benchmarks: the real
 * `resend` SDK is pointed at it (`RESEND_BASE_URL` or `new Resend(key, { baseUrl })`).
 */

/** How the next `POST /emails` is answered. */
export type FakeResendMode =
  | { kind: "ok" }
  /** Resend's error JSON with a 5xx status (default 500, name `internal_server_error`). */
  | { kind: "error"; status?: number; name?: string }
  /** 429 with `retry-after` and `ratelimit-reset` headers. */
  | { kind: "rate-limit"; retryAfterSeconds: number }
  /** Reads the request and never answers, until the mode changes (then it is answered by the new mode) or the server resets or closes. */
  | { kind: "hang" }
  /** Destroys the socket without a response. */
  | { kind: "drop" }
  /** A refusal with a 4xx status (default 422, name `validation_error`; e.g. 403 `invalid_api_key`). */
  | { kind: "invalid"; status?: number; name?: string };

export type FakeResendAttachment = { filename: string; contentType: string | null; content: Buffer };

export type FakeResendEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  html: string | null;
  text: string | null;
  attachments: FakeResendAttachment[];
  receivedAt: Date;
};

/** Every request to the Resend API (not to `/_fake/`), refused ones included, once its body has been read. */
export type FakeResendRequest = {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** When its headers arrived. */
  receivedAt: Date;
  /** The status answered; null while hung, or when the socket was dropped or closed first. */
  status: number | null;
};

export type FakeResend = {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Accepted emails, in arrival order. */
  readonly emails: readonly FakeResendEmail[];
  readonly requests: readonly FakeResendRequest[];
  /** The mode for every request from now on; releases hung requests into it. */
  setMode(mode: FakeResendMode): void;
  /** The next `count` requests to `POST /emails` get `mode`, before the current mode applies again. */
  failNext(count: number, mode: FakeResendMode): void;
  /** Resolves with the emails once at least `count` have been accepted; rejects after `timeoutMs` (default 5000). */
  waitForEmails(count: number, options?: { timeoutMs?: number }): Promise<FakeResendEmail[]>;
  /** Resolves once at least `count` API requests have been read (and answered, dropped or hung). */
  waitForRequests(count: number, options?: { timeoutMs?: number }): Promise<FakeResendRequest[]>;
  /** Forgets emails, requests, idempotency keys and faults; ends hung requests. */
  reset(): void;
  /** Ends hung requests and open connections, then stops listening. */
  close(): Promise<void>;
};

export type FakeResendOptions = { port?: number; host?: string; maxBodyBytes?: number };

const DEFAULT_MAX_BODY_BYTES = 45 * 1024 * 1024;
const DEFAULT_WAIT_MS = 5_000;
const MAX_IDEMPOTENCY_KEY_LENGTH = 256;

type PendingSend = { req: IncomingMessage; res: ServerResponse; body: Buffer; idempotencyKey: string | null };
type Waiter = { isMet: () => boolean; resolve: () => void; reject: (error: Error) => void; describe: () => string };

const statusSchema = (min: number, max: number) => z.number().int().min(min).max(max).optional();
const modeSchema: z.ZodType<FakeResendMode> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ok") }),
  z.object({ kind: z.literal("error"), status: statusSchema(500, 599), name: z.string().min(1).optional() }),
  z.object({ kind: z.literal("rate-limit"), retryAfterSeconds: z.number().int().min(0) }),
  z.object({ kind: z.literal("hang") }),
  z.object({ kind: z.literal("drop") }),
  z.object({ kind: z.literal("invalid"), status: statusSchema(400, 499), name: z.string().min(1).optional() }),
]);
const modeRequestSchema = z.looseObject({ times: z.number().int().min(1).optional() });

const addresses = z.union([z.string().min(1), z.array(z.string().min(1))]);
const emailBodySchema = z
  .object({
    from: z.string().min(1),
    to: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(50)]),
    reply_to: addresses.optional(),
    subject: z.string().min(1),
    html: z.string().optional(),
    text: z.string().optional(),
    attachments: z
      .array(
        z.object({
          filename: z.string().min(1),
          content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64 (the fake does not fetch `path`)"),
          content_type: z.string().min(1).optional(),
        }),
      )
      .optional(),
  })
  .refine((body) => body.html !== undefined || body.text !== undefined, { message: "Missing `html` or `text` field." });
type EmailBody = z.infer<typeof emailBodySchema>;

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const emails: FakeResendEmail[] = [];
  const requests: FakeResendRequest[] = [];
  const sentByKey = new Map<string, { id: string; fingerprint: string }>();
  const hung = new Set<PendingSend>();
  const waiters = new Set<Waiter>();
  let mode: FakeResendMode = { kind: "ok" };
  let queuedFaults: FakeResendMode[] = [];

  function answer(pending: PendingSend, current: FakeResendMode): void {
    const { req, res } = pending;
    switch (current.kind) {
      case "hang":
        hung.add(pending);
        res.once("close", () => hung.delete(pending));
        return;
      case "drop":
        req.socket.destroy();
        return;
      case "error":
        return sendError(res, current.status ?? 500, current.name ?? "internal_server_error", "An unexpected error occurred.");
      case "rate-limit":
        res.setHeader("retry-after", String(current.retryAfterSeconds));
        res.setHeader("ratelimit-limit", "2");
        res.setHeader("ratelimit-remaining", "0");
        res.setHeader("ratelimit-reset", String(current.retryAfterSeconds));
        return sendError(res, 429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.");
      case "invalid":
        return sendError(res, current.status ?? 422, current.name ?? "validation_error", "The request was refused by the fake's invalid mode.");
      case "ok":
        return accept(pending);
    }
  }

  function accept({ req, res, body, idempotencyKey }: PendingSend): void {
    if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? "")) {
      return sendError(res, 401, "missing_api_key", "Missing API key in the authorization header. Include: Authorization: Bearer YOUR_API_KEY");
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return sendError(res, 400, "validation_error", "The body is not valid JSON.");
    }
    const parsed = emailBodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `\`${issue.path.join(".")}\`: ` : "";
      return sendError(res, 422, "validation_error", `${where}${issue?.message ?? "invalid body"}`);
    }

    if (idempotencyKey !== null) {
      if ([...hung].some((pending) => pending.idempotencyKey === idempotencyKey)) {
        return sendError(res, 409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress. Try the request again later.");
      }
      const earlier = sentByKey.get(idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== canonicalJson(json)) {
          return sendError(res, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
        }
        return sendJson(res, 200, { id: earlier.id });
      }
    }

    const email = decodeEmail(parsed.data, randomUUID(), idempotencyKey);
    if (idempotencyKey !== null) sentByKey.set(idempotencyKey, { id: email.id, fingerprint: canonicalJson(json) });
    emails.push(email);
    sendJson(res, 200, { id: email.id });
    wakeWaiters();
  }

  function wakeWaiters(): void {
    for (const waiter of waiters) if (waiter.isMet()) waiter.resolve();
  }

  function waitUntil(isMet: () => boolean, describe: () => string, timeoutMs: number): Promise<void> {
    if (isMet()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      const waiter: Waiter = {
        isMet,
        describe,
        resolve() {
          settle();
          resolve();
        },
        reject(error) {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(new Error(`fake resend: waited ${timeoutMs} ms for ${describe()}`)), timeoutMs);
      waiters.add(waiter);
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const keyHeader = req.headers["idempotency-key"];
    const idempotencyKey = typeof keyHeader === "string" ? keyHeader : null;
    const request: FakeResendRequest = { method: req.method ?? "", path, idempotencyKey, receivedAt: new Date(), status: null };
    res.once("finish", () => (request.status = res.statusCode));
    const body = await readBody(req, maxBodyBytes);
    // Recorded once read, so a waiter woken by it sees the request already answered, dropped or hung.
    requests.push(request);
    wakeWaiters();

    if (body === "closed") return;
    if (path !== "/emails") return sendError(res, 404, "not_found", "The requested endpoint does not exist in the fake.");
    if (req.method !== "POST") return sendError(res, 405, "method_not_allowed", "Method is not allowed for the requested path.");
    if (body === "too-large") return sendError(res, 413, "validation_error", `The request body is larger than ${maxBodyBytes} bytes.`);
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return sendError(res, 400, "invalid_idempotency_key", `The idempotency key must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
    }
    answer({ req, res, body, idempotencyKey }, queuedFaults.shift() ?? mode);
  }

  async function handleInspection(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const route = `${req.method} ${path}`;
    if (route === "GET /_fake/emails") return sendJson(res, 200, emails.map(serializeEmail));
    if (route === "GET /_fake/requests") return sendJson(res, 200, requests.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })));
    if (route === "POST /_fake/reset") {
      await readBody(req, maxBodyBytes);
      fake.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "POST /_fake/mode") {
      const body = await readBody(req, maxBodyBytes);
      if (body === "closed") return;
      let json: unknown;
      try {
        json = body === "too-large" ? undefined : JSON.parse(body.toString("utf8"));
      } catch {
        json = undefined;
      }
      const request = modeRequestSchema.safeParse(json);
      const { times, ...rest } = request.success ? request.data : { times: undefined };
      const parsedMode = modeSchema.safeParse(rest);
      if (!request.success || !parsedMode.success) {
        return sendJson(res, 400, { error: 'Expected a mode such as {"kind":"error","status":500}, optionally with "times": n.' });
      }
      if (times === undefined) fake.setMode(parsedMode.data);
      else fake.failNext(times, parsedMode.data);
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: `No fake inspection route ${route}.` });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake-resend").pathname;
    const handle = path.startsWith("/_fake/") ? handleInspection : handleApi;
    handle(req, res, path).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "internal_server_error", `fake resend failed: ${(error as Error).message}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  function endHung(): void {
    for (const pending of hung) pending.req.socket.destroy();
    hung.clear();
  }

  const fake: FakeResend = {
    url: `http://${host}:${address.port}`,
    get emails() {
      return emails;
    },
    get requests() {
      return requests;
    },
    setMode(next) {
      mode = next;
      const released = [...hung];
      hung.clear();
      for (const pending of released) answer(pending, next);
    },
    failNext(count, faultMode) {
      queuedFaults.push(...Array.from({ length: count }, () => faultMode));
    },
    async waitForEmails(count, { timeoutMs = DEFAULT_WAIT_MS } = {}) {
      await waitUntil(() => emails.length >= count, () => `${count} email(s), ${emails.length} arrived`, timeoutMs);
      return [...emails];
    },
    async waitForRequests(count, { timeoutMs = DEFAULT_WAIT_MS } = {}) {
      await waitUntil(() => requests.length >= count, () => `${count} request(s), ${requests.length} arrived`, timeoutMs);
      return [...requests];
    },
    reset() {
      emails.length = 0;
      requests.length = 0;
      sentByKey.clear();
      queuedFaults = [];
      mode = { kind: "ok" };
      endHung();
    },
    async close() {
      endHung();
      for (const waiter of waiters) waiter.reject(new Error(`fake resend closed while waiting for ${waiter.describe()}`));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return fake;
}

function decodeEmail(body: EmailBody, id: string, idempotencyKey: string | null): FakeResendEmail {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : typeof value === "string" ? [value] : value);
  return {
    id,
    idempotencyKey,
    from: body.from,
    to: list(body.to),
    replyTo: list(body.reply_to),
    subject: body.subject,
    html: body.html ?? null,
    text: body.text ?? null,
    attachments: (body.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.content_type ?? null,
      content: Buffer.from(attachment.content, "base64"),
    })),
    receivedAt: new Date(),
  };
}

/** An email as `GET /_fake/emails` returns it: attachments in base64, dates in ISO 8601. */
export type SerializedFakeResendEmail = Omit<FakeResendEmail, "attachments" | "receivedAt"> & {
  attachments: { filename: string; contentType: string | null; content: string }[];
  receivedAt: string;
};

function serializeEmail(email: FakeResendEmail): SerializedFakeResendEmail {
  return {
    ...email,
    attachments: email.attachments.map((attachment) => ({ ...attachment, content: attachment.content.toString("base64") })),
    receivedAt: email.receivedAt.toISOString(),
  };
}

/** JSON with object keys sorted, so two bodies that differ only in key order compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Reads the whole body; past `limit` it keeps draining (so the client can read the 413) but stops keeping it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large" | "closed"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once("end", () => {
      ended = true;
      resolve(size > limit ? "too-large" : Buffer.concat(chunks));
    });
    req.once("close", () => {
      if (!ended) resolve("closed");
    });
    req.once("error", () => resolve("closed"));
  });
}

function sendError(res: ServerResponse, statusCode: number, name: string, message: string): void {
  sendJson(res, statusCode, { statusCode, name, message });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
