import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What the server knows about the request being handled, wherever in its code it is asked. */
export type RequestContext = {
  /** Carried into logs, the outbox rows a request writes, and the X-Request-Id response header. */
  requestId: string;
  /** Set by the app when the page it renders should go out with another status than Next's. */
  status?: { code: number; retryAfterSeconds?: number };
  /** Set when a server action begins: Next.js calls one only once it has decoded the request. */
  actionEntered?: boolean;
  /**
   * What the edge already made of a form post it then hands to Next.js to draw (a booking form
   * with errors): the server action takes it rather than doing the work twice.
   */
  edgeAnswer?: unknown;
};

// On globalThis: scripts/serve.ts and Next's server bundle each load their own copy of this module.
const key = Symbol.for("consulting-site.request-context");
const processWide = globalThis as { [key]?: AsyncLocalStorage<RequestContext> };
const storage = (processWide[key] ??= new AsyncLocalStorage<RequestContext>());

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The proxy's request id when it sent a well-formed one and is trusted, else a new one. */
export function requestIdFrom(forwarded: string | string[] | undefined, trusted: boolean): string {
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return trusted && value && REQUEST_ID.test(value) ? value : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The current request's context; undefined outside a request (the worker, scripts, a bare next start). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current request's id, to record on what it writes (outbox rows); null outside a request. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/** Asks the server to answer this request with `code` (for example 503 while the database is away). */
export function setResponseStatus(code: number, retryAfterSeconds?: number): void {
  const context = storage.getStore();
  if (context) context.status = { code, retryAfterSeconds };
}

/**
 * Said by each server action as it begins. A server-action request that fails before any action
 * began is one Next.js could not decode (the client's fault, which it answers with a 500): the
 * server answers it with a 400 instead (scripts/serve.ts).
 */
export function markActionEntered(): void {
  const context = storage.getStore();
  if (context) context.actionEntered = true;
}
