import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmailMessage } from "./email-message";
import { startFakeResend, type FakeResend } from "./fake-resend-server";
import { createResendTransport, parseRetryAfter } from "./resend-transport";

const apiKey = "re_secret_test_key";
const calendar = Buffer.from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\u00e9\u0000\u00ff END:VCALENDAR\r\n", "latin1");

const message: EmailMessage = {
  from: "SmallBusiness.Management <hello@example.com>",
  to: ["prospect@example.com", "assistant@example.com"],
  replyTo: "firm@example.com",
  subject: "Your consultation on Tuesday",
  html: "<p>See you on Tuesday.</p>",
  text: "See you on Tuesday.",
  attachments: [{ filename: "consultation.ics", contentType: "text/calendar; method=PUBLISH", content: calendar }],
};

describe("the Resend transport, through the real SDK to the fake server", () => {
  let fake: FakeResend;
  const transport = (timeoutMs = 5_000) => createResendTransport({ apiKey, baseUrl: fake.url, timeoutMs });

  beforeAll(async () => {
    fake = await startFakeResend();
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await fake.close();
  });

  it("is named resend", () => {
    expect(transport().name).toBe("resend");
  });

  it("delivers every field, the attachment's bytes and content type, under the idempotency key", async () => {
    const result = await transport().send(message, { idempotencyKey: "outbox-row-1" });

    const [email] = await fake.waitForEmails(1);
    expect(result).toEqual({ ok: true, providerMessageId: email!.id });
    expect(email).toMatchObject({
      idempotencyKey: "outbox-row-1",
      from: message.from,
      to: message.to,
      replyTo: ["firm@example.com"],
      subject: message.subject,
      html: message.html,
      text: message.text,
    });
    expect(email!.attachments).toHaveLength(1);
    expect(email!.attachments[0]!.filename).toBe("consultation.ics");
    expect(email!.attachments[0]!.contentType).toBe("text/calendar; method=PUBLISH");
    expect(email!.attachments[0]!.content.equals(calendar)).toBe(true);
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(["outbox-row-1"]);
  });

  it("sends an email without reply-to or attachments", async () => {
    const result = await transport().send({ ...message, replyTo: undefined, attachments: [] }, { idempotencyKey: "k" });
    expect(result.ok).toBe(true);
    expect(fake.emails[0]).toMatchObject({ replyTo: [], attachments: [] });
  });

  it("delivers once when the same key is sent twice, answering the same id", async () => {
    const first = await transport().send(message, { idempotencyKey: "outbox-row-2" });
    const second = await transport().send(message, { idempotencyKey: "outbox-row-2" });
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it("reports a 500 as retryable", async () => {
    fake.failNext(1, { kind: "error", status: 500 });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toEqual({ ok: false, retryable: true, error: expect.stringMatching(/^500 internal_server_error: /) });
    expect(fake.emails).toHaveLength(0);
  });

  it("reports a 429 as retryable, with retryAfterSeconds from the retry-after header", async () => {
    fake.failNext(1, { kind: "rate-limit", retryAfterSeconds: 42 });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toEqual({
      ok: false,
      retryable: true,
      retryAfterSeconds: 42,
      error: expect.stringMatching(/^429 rate_limit_exceeded: /),
    });
  });

  it("gives up on a provider that hangs, as retryable, once the timeout passes", async () => {
    fake.setMode({ kind: "hang" });
    const result = await transport(300).send(message, { idempotencyKey: "k" });
    expect(result).toEqual({ ok: false, retryable: true, error: "timeout after 300 ms" });
    expect(fake.emails).toHaveLength(0);
  });

  it("reports a dropped connection as a retryable network failure", async () => {
    fake.failNext(1, { kind: "drop" });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toEqual({ ok: false, retryable: true, error: expect.stringMatching(/^network: /) });
  });

  it("reports a server that is not there as a retryable network failure", async () => {
    const gone = await startFakeResend();
    await gone.close();
    const result = await createResendTransport({ apiKey, baseUrl: gone.url, timeoutMs: 5_000 }).send(message, { idempotencyKey: "k" });
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/^network: /) });
  });

  it("reports a 422 validation error as not retryable", async () => {
    fake.failNext(1, { kind: "invalid", status: 422 });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toEqual({ ok: false, retryable: false, error: expect.stringMatching(/^422 validation_error: /) });
  });

  it("reports a refused API key as not retryable", async () => {
    fake.failNext(1, { kind: "invalid", status: 403, name: "invalid_api_key" });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toEqual({ ok: false, retryable: false, error: expect.stringMatching(/^403 invalid_api_key: /) });
  });

  it("refuses to be built without an API key", () => {
    expect(() => createResendTransport({ apiKey: " ", timeoutMs: 5_000 })).toThrow("apiKey is empty");
  });

  it("never puts the API key in the error text, even when the provider echoes it", async () => {
    fake.failNext(1, { kind: "error", status: 500, name: `bad_key_${apiKey}` });
    const result = await transport().send(message, { idempotencyKey: "k" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("bad_key_[api key]") });
    expect(JSON.stringify(result)).not.toContain(apiKey);
  });

  it("reports the same key with a different email as not retryable, and says why", async () => {
    await transport().send(message, { idempotencyKey: "k" });
    const result = await transport().send({ ...message, subject: "Another email" }, { idempotencyKey: "k" });
    expect(result).toEqual({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/^409 invalid_idempotent_request: .*not retried/),
    });
  });

  it("reports the same key while the first send is still in progress as retryable", async () => {
    fake.failNext(1, { kind: "hang" });
    const first = transport().send(message, { idempotencyKey: "k" });
    await fake.waitForRequests(1);
    const second = await transport().send(message, { idempotencyKey: "k" });
    expect(second).toEqual({ ok: false, retryable: true, error: expect.stringMatching(/^409 concurrent_idempotent_requests: /) });
    fake.setMode({ kind: "ok" });
    expect(await first).toMatchObject({ ok: true });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-02T15:00:00Z");

  it("reads seconds, rounding a fraction up", () => {
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter(" 1.2 ", now)).toBe(2);
  });

  it("reads an HTTP date as the seconds until it, never negative", () => {
    expect(parseRetryAfter("Mon, 02 Mar 2026 15:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Mon, 02 Mar 2026 14:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
