import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend, type SerializedFakeResendEmail } from "./fake-resend-server";

const email = {
  from: "SmallBusiness.Management <hello@example.com>",
  to: "prospect@example.com",
  reply_to: ["firm@example.com"],
  subject: "Your consultation",
  html: "<p>See you then</p>",
  text: "See you then",
  attachments: [{ filename: "invite.ics", content: Buffer.from("BEGIN:VCALENDAR").toString("base64"), content_type: "text/calendar" }],
};

type PostOptions = { idempotencyKey?: string; authorization?: string | null; body?: string };

function postEmail(fake: FakeResend, payload: unknown = email, options: PostOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const authorization = options.authorization === undefined ? "Bearer re_test_key" : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  if (options.idempotencyKey !== undefined) headers["idempotency-key"] = options.idempotencyKey;
  return fetch(`${fake.url}/emails`, { method: "POST", headers, body: options.body ?? JSON.stringify(payload) });
}

describe("the fake Resend server", () => {
  let fake: FakeResend;
  beforeEach(async () => {
    fake = await startFakeResend();
  });
  afterEach(async () => {
    await fake.close();
  });

  it("listens on 127.0.0.1 on a free port", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("accepts an email, answers a fresh id and records every field decoded", async () => {
    const response = await postEmail(fake, email, { idempotencyKey: "outbox-1" });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect(fake.emails).toEqual([
      {
        id,
        idempotencyKey: "outbox-1",
        from: email.from,
        to: ["prospect@example.com"],
        replyTo: ["firm@example.com"],
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: [{ filename: "invite.ics", contentType: "text/calendar", content: Buffer.from("BEGIN:VCALENDAR") }],
        receivedAt: expect.any(Date),
      },
    ]);
    const second = (await (await postEmail(fake)).json()) as { id: string };
    expect(second.id).not.toBe(id);
    expect(fake.emails.map((e) => e.id)).toEqual([id, second.id]);
  });

  it("answers a repeated idempotency key with the same body with the first id and records one email", async () => {
    const first = (await (await postEmail(fake, email, { idempotencyKey: "k" })).json()) as { id: string };
    const reordered = Object.fromEntries(Object.entries(email).reverse());
    const again = await postEmail(fake, reordered, { idempotencyKey: "k" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: first.id });
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests.map((r) => [r.idempotencyKey, r.status])).toEqual([["k", 200], ["k", 200]]);
  });

  it("refuses the same idempotency key with a different body with 409 invalid_idempotent_request", async () => {
    await postEmail(fake, email, { idempotencyKey: "k" });
    const response = await postEmail(fake, { ...email, subject: "Something else" }, { idempotencyKey: "k" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(fake.emails).toHaveLength(1);
  });

  it("refuses a key already in progress with 409 concurrent_idempotent_requests", async () => {
    fake.failNext(1, { kind: "hang" });
    const hung = postEmail(fake, email, { idempotencyKey: "k" });
    await fake.waitForRequests(1);
    const response = await postEmail(fake, email, { idempotencyKey: "k" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ name: "concurrent_idempotent_requests" });
    fake.setMode({ kind: "ok" });
    expect((await hung).status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  });

  it.each([
    ["no Authorization header", null],
    ["an empty bearer token", "Bearer "],
    ["another scheme", "Basic abc"],
  ])("answers 401 missing_api_key for %s, recording nothing", async (_, authorization) => {
    const response = await postEmail(fake, email, { authorization });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, name: "missing_api_key", message: expect.any(String) });
    expect(fake.emails).toHaveLength(0);
    expect(fake.requests).toHaveLength(1);
  });

  it("answers 422 validation_error for a missing field and 400 for a body that is not JSON", async () => {
    const missing = await postEmail(fake, { ...email, subject: undefined });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ name: "validation_error", message: expect.stringContaining("subject") });
    const garbled = await postEmail(fake, undefined, { body: "{not json" });
    expect(garbled.status).toBe(400);
    expect(fake.emails).toHaveLength(0);
  });

  it("answers 413 beyond the body limit", async () => {
    await fake.close();
    fake = await startFakeResend({ maxBodyBytes: 1024 });
    const response = await postEmail(fake, { ...email, html: "x".repeat(2048) });
    expect(response.status).toBe(413);
    expect(fake.emails).toHaveLength(0);
  });

  it("answers Resend's error JSON in error mode until the mode changes", async () => {
    fake.setMode({ kind: "error", status: 503 });
    for (const response of [await postEmail(fake), await postEmail(fake)]) {
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ statusCode: 503, name: "internal_server_error", message: expect.any(String) });
    }
    fake.setMode({ kind: "ok" });
    expect((await postEmail(fake)).status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  });

  it("fails only the next n requests with failNext", async () => {
    fake.failNext(2, { kind: "error", status: 500 });
    const responses = [await postEmail(fake), await postEmail(fake), await postEmail(fake)];
    expect(responses.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(fake.emails).toHaveLength(1);
  });

  it("answers 429 rate_limit_exceeded with retry-after and ratelimit-reset in rate-limit mode", async () => {
    fake.setMode({ kind: "rate-limit", retryAfterSeconds: 7 });
    const response = await postEmail(fake);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("ratelimit-reset")).toBe("7");
    expect(await response.json()).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(fake.emails).toHaveLength(0);
  });

  it("answers validation_error with the given status in invalid mode", async () => {
    fake.failNext(1, { kind: "invalid", status: 422 });
    const response = await postEmail(fake);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails).toHaveLength(0);
  });

  it("destroys the socket without an answer in drop mode", async () => {
    fake.setMode({ kind: "drop" });
    await expect(postEmail(fake)).rejects.toThrow("fetch failed");
    expect(fake.emails).toHaveLength(0);
    expect(fake.requests).toMatchObject([{ path: "/emails", status: null }]);
  });

  it("holds a request in hang mode and answers it by the next mode set", async () => {
    fake.setMode({ kind: "hang" });
    const hung = postEmail(fake);
    const [request] = await fake.waitForRequests(1);
    expect(request?.status).toBeNull();
    fake.setMode({ kind: "invalid", status: 422 });
    expect((await hung).status).toBe(422);
  });

  it("ends hung requests when it closes, and on reset", async () => {
    fake.setMode({ kind: "hang" });
    const beforeReset = postEmail(fake);
    await fake.waitForRequests(1);
    fake.reset();
    await expect(beforeReset).rejects.toThrow("fetch failed");

    fake.setMode({ kind: "hang" });
    const beforeClose = postEmail(fake);
    await fake.waitForRequests(1);
    await fake.close();
    await expect(beforeClose).rejects.toThrow("fetch failed");
    fake = await startFakeResend();
  });

  it("waitForEmails resolves once enough emails arrived, and rejects naming the shortfall on timeout", async () => {
    const waiting = fake.waitForEmails(2);
    await postEmail(fake);
    await postEmail(fake);
    expect(await waiting).toHaveLength(2);
    await expect(fake.waitForEmails(3, { timeoutMs: 50 })).rejects.toThrow("waited 50 ms for 3 email(s), 2 arrived");
  });

  it("records refused requests with their time and idempotency key, and forgets everything on reset", async () => {
    fake.failNext(1, { kind: "rate-limit", retryAfterSeconds: 1 });
    const before = new Date();
    await postEmail(fake, email, { idempotencyKey: "a" });
    await postEmail(fake, email, { idempotencyKey: "a" });
    expect(fake.requests.map((r) => [r.method, r.path, r.idempotencyKey, r.status])).toEqual([
      ["POST", "/emails", "a", 429],
      ["POST", "/emails", "a", 200],
    ]);
    expect(fake.requests[0]!.receivedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(fake.requests[1]!.receivedAt.getTime()).toBeGreaterThanOrEqual(fake.requests[0]!.receivedAt.getTime());

    fake.setMode({ kind: "error" });
    fake.reset();
    expect(fake.emails).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
    const response = await postEmail(fake, { ...email, subject: "New body, same key" }, { idempotencyKey: "a" });
    expect(response.status).toBe(200);
  });

  it("serves the inspection API: emails with base64 attachments, mode (with times), reset", async () => {
    const { id } = (await (await postEmail(fake, email, { idempotencyKey: "k" })).json()) as { id: string };
    const listed = (await (await fetch(`${fake.url}/_fake/emails`)).json()) as SerializedFakeResendEmail[];
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        idempotencyKey: "k",
        to: ["prospect@example.com"],
        attachments: [{ filename: "invite.ics", contentType: "text/calendar", content: email.attachments[0]!.content }],
        receivedAt: fake.emails[0]!.receivedAt.toISOString(),
      }),
    ]);

    const setMode = (body: unknown) => fetch(`${fake.url}/_fake/mode`, { method: "POST", body: JSON.stringify(body) });
    expect((await setMode({ kind: "error", status: 502, times: 1 })).status).toBe(200);
    expect((await postEmail(fake)).status).toBe(502);
    expect((await postEmail(fake)).status).toBe(200);
    expect((await setMode({ kind: "rate-limit", retryAfterSeconds: 3 })).status).toBe(200);
    expect((await postEmail(fake)).status).toBe(429);
    expect((await postEmail(fake)).status).toBe(429);
    expect((await setMode({ kind: "sideways" })).status).toBe(400);

    expect((await fetch(`${fake.url}/_fake/reset`, { method: "POST" })).status).toBe(200);
    expect(fake.emails).toHaveLength(0);
    expect((await postEmail(fake)).status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("scripts/fake-resend.ts", () => {
  it("prints its address, serves the inspection API to another process and exits cleanly on SIGTERM", async () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const child = spawn(tsx, ["scripts/fake-resend.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      const url = /^fake resend listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
      expect(url, line).toBeDefined();

      const sent = await fetch(`${url}/emails`, {
        method: "POST",
        headers: { authorization: "Bearer re_test_key", "content-type": "application/json" },
        body: JSON.stringify(email),
      });
      expect(sent.status).toBe(200);
      const listed = (await (await fetch(`${url}/_fake/emails`)).json()) as SerializedFakeResendEmail[];
      expect(listed.map((e) => e.subject)).toEqual([email.subject]);

      const exited = once(child, "exit");
      child.kill("SIGTERM");
      expect(await exited).toEqual([0, null]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
