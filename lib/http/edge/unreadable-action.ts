import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext } from "../request-context";
import { refusalResponse } from "./edge-pages";

/** Whether Next.js reads a request as a server action: a POST to a page (route handlers live under /api/) from React's client or as a form. */
export function isServerActionRequest(method: string, pathname: string, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  return headers["next-action"] !== undefined || String(headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

type Chunked = (...args: unknown[]) => unknown;

/**
 * Next.js answers a server-action request it cannot decode (arguments that are not what React's
 * client writes: broken JSON, references to parts that are not there, nesting deeper than its
 * stack) with a 500, before any action runs. Such a request is the client's fault: this answers it
 * with a 400 and a page that says so. A 500 after an action began (markActionEntered) is left as it is.
 */
export function answerUnreadableActions(request: IncomingMessage, response: ServerResponse, context: RequestContext, firmEmail: string): void {
  const pathname = (request.url ?? "/").split("?")[0]!;
  if (!isServerActionRequest(request.method ?? "GET", pathname, request.headers)) return;
  const writeHead = response.writeHead.bind(response) as Chunked;
  const write = response.write.bind(response) as Chunked;
  const end = response.end.bind(response) as Chunked;
  let replaced = false;
  const unreadable = (status: number) => status === 500 && !context.actionEntered && !response.headersSent;
  const replace = (callback?: unknown) => {
    replaced = true;
    for (const name of response.getHeaderNames()) if (name.startsWith("content-") && name !== "content-security-policy") response.removeHeader(name);
    const { status, html } = refusalResponse("unreadable-form", firmEmail);
    writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(html) });
    // Next goes on setting its 500 on the response after this; the access log and the metrics read
    // the status from it, and must see the one that was sent.
    Object.defineProperty(response, "statusCode", { get: () => status, set: () => {}, configurable: true });
    end(html, typeof callback === "function" ? callback : undefined);
  };
  const callbackOf = (args: unknown[]) => args.find((arg) => typeof arg === "function") as (() => void) | undefined;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (replaced) return response;
    if (unreadable(statusCode)) {
      replace();
      return response;
    }
    return writeHead(statusCode, ...rest);
  }) as ServerResponse["writeHead"];
  response.write = ((...args: unknown[]) => {
    if (!replaced && unreadable(response.statusCode)) replace();
    if (!replaced) return write(...args);
    callbackOf(args)?.();
    return true;
  }) as ServerResponse["write"];
  response.end = ((...args: unknown[]) => {
    if (!replaced && unreadable(response.statusCode)) replace(callbackOf(args));
    else if (replaced) callbackOf(args)?.();
    else end(...args);
    return response;
  }) as ServerResponse["end"];
}
