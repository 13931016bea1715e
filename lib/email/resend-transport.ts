import { Resend } from "resend";
import type { EmailMessage, EmailTransport, SendResult } from "./email-message";

export type ResendTransportOptions = {
  apiKey: string;
  /** Defaults to the SDK's: `RESEND_BASE_URL`, else https://api.resend.com. */
  baseUrl?: string;
  /** Longest a send may take; the SDK has no timeout of its own. */
  timeoutMs: number;
};

type ResendError = { name?: unknown; message?: unknown; statusCode?: unknown };
type ResponseHeaders = Record<string, string> | null;

const MAX_ERROR_MESSAGE_LENGTH = 200;

export function createResendTransport(options: ResendTransportOptions): EmailTransport {
  if (!options.apiKey.trim()) throw new Error("createResendTransport: apiKey is empty");
  const baseUrl = options.baseUrl?.replace(/\/+$/, "");
  const resend = new Resend(options.apiKey, baseUrl ? { baseUrl } : undefined);
  const hideKey = (text: string) => text.split(options.apiKey).join("[api key]");

  return {
    name: "resend",
    async send(message, { idempotencyKey }) {
      const signal = AbortSignal.timeout(options.timeoutMs);
      const timedOut: SendResult = { ok: false, retryable: true, error: `timeout after ${options.timeoutMs} ms` };
      try {
        const { data, error, headers } = await resend.emails.send(toResendEmail(message), { idempotencyKey, signal });
        if (error) {
          if (signal.aborted && error.statusCode === null) return timedOut;
          const failure = describeFailure(error, headers);
          return { ...failure, error: hideKey(failure.error) };
        }
        if (!data?.id) return { ok: false, retryable: true, error: "resend answered without an email id" };
        return { ok: true, providerMessageId: data.id };
      } catch (thrown) {
        if (signal.aborted) return timedOut;
        return { ok: false, retryable: true, error: hideKey(`network: ${shorten(String((thrown as Error)?.message ?? thrown))}`) };
      }
    },
  };
}

function toResendEmail(message: EmailMessage) {
  return {
    from: message.from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    html: message.html,
    text: message.text,
    attachments: message.attachments.length
      ? message.attachments.map(({ filename, content, contentType }) => ({ filename, content, contentType }))
      : undefined,
    tags: message.tags,
  };
}

function describeFailure(error: ResendError, headers: ResponseHeaders): Extract<SendResult, { ok: false }> {
  const name = typeof error.name === "string" ? error.name : "unknown_error";
  const message = typeof error.message === "string" ? shorten(error.message) : "";
  const status = typeof error.statusCode === "number" ? error.statusCode : null;

  // The SDK reports a failed fetch (refused, reset, dropped) as statusCode null with no headers.
  if (status === null && headers === null) return { ok: false, retryable: true, error: `network: ${message}` };

  const text = `${status ?? "unknown status"} ${name}: ${message}`;
  if (status === 429 || name === "rate_limit_exceeded") {
    const hint = parseRetryAfter(headers?.["retry-after"]) ?? parseRetryAfter(headers?.["ratelimit-reset"]);
    return withRetryAfter({ ok: false, retryable: true, error: text }, hint);
  }
  if (name === "invalid_idempotent_request") {
    return { ok: false, retryable: false, error: `${text} (not retried: this idempotency key was already used for a different email)` };
  }
  if (name === "concurrent_idempotent_requests") return { ok: false, retryable: true, error: text };
  if (status !== null && status >= 400 && status < 500 && status !== 408) return { ok: false, retryable: false, error: text };
  return withRetryAfter({ ok: false, retryable: true, error: text }, parseRetryAfter(headers?.["retry-after"]));
}

function withRetryAfter(result: Extract<SendResult, { ok: false }>, retryAfterSeconds: number | undefined): Extract<SendResult, { ok: false }> {
  return retryAfterSeconds === undefined ? result : { ...result, retryAfterSeconds };
}

/** `retry-after` is a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function shorten(text: string): string {
  return text.length > MAX_ERROR_MESSAGE_LENGTH ? `${text.slice(0, MAX_ERROR_MESSAGE_LENGTH)}…` : text;
}
