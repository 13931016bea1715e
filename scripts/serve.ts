// The production server: Next.js behind our own edge (lib/http/edge/edge.ts), which settles the
// client's address, sets the security headers, and refuses cross-site and oversized requests.
// Run by `npm start` (scripts/start.mjs) after a build.
import "./env-files-loaded.mjs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { createBookingFormPost } from "../lib/booking/booking-form-post";
import { getConfig } from "../lib/config";
import { createEdge } from "../lib/http/edge/edge";
import { answerUnreadableActions } from "../lib/http/edge/unreadable-action";
import { isProspectPage, readPageScripts, serveAsProspectPage } from "../lib/http/edge/prospect-pages";
import { EDGE_MARKER } from "../lib/http/edge/client-address-header";
import { readStaticPageHashes } from "../lib/http/edge/static-page-hashes";
import { parseTrustedProxies } from "../lib/http/edge/trusted-proxies";
import { requestIdFrom, runWithRequestContext, type RequestContext } from "../lib/http/request-context";
import { createRouteLabeler, readAppRoutes } from "../lib/http/route-label";
import { serverActionId } from "../lib/http/server-action-ids";
import { maskEmailsIn } from "../lib/log/mask";
import { httpMetrics } from "../lib/metrics/http-metrics";
import { loggerFor } from "../lib/log/logger";
import { routeConsoleToLog } from "../lib/log/route-console";

routeConsoleToLog();
process.env[EDGE_MARKER] = "1";
// The app's own SIGTERM handler stops the outbox worker before the process exits (instrumentation.ts).
process.env.NEXT_MANUAL_SIG_HANDLE = "1";
const config = getConfig();
const log = loggerFor("server");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const distDir = process.env.NEXT_DIST_DIR || ".next";

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const isTrustedProxy = parseTrustedProxies(config.TRUSTED_PROXIES);
const edge = createEdge({
  appUrl: config.APP_URL,
  firmEmail: config.FIRM_EMAIL,
  isTrustedProxy,
  staticPageHashes: readStaticPageHashes(distDir),
});
/** Lets the app change the status of the page Next is about to send (setResponseStatus). */
function applyStatusOverride(response: ServerResponse, context: RequestContext): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const override = context.status;
    if (!override) return writeHead(statusCode, ...rest);
    if (override.retryAfterSeconds !== undefined) response.setHeader("Retry-After", String(override.retryAfterSeconds));
    response.setHeader("Cache-Control", "no-store");
    return writeHead(override.code, ...rest);
  }) as ServerResponse["writeHead"];
}

const bookingScript = readPageScripts(distDir).booking;
const bookingActionId = serverActionId(distDir, "app/(site)/book/actions.ts", "submitBooking");
if (!bookingActionId) throw new Error(`no booking form action (submitBooking) in the build's server-reference-manifest.json under ${distDir}`);
const bookingFormPost = createBookingFormPost({ actionId: bookingActionId, appUrl: config.APP_URL });

const routeOf = createRouteLabeler(readAppRoutes(distDir));
const accessLog = loggerFor("http");

/**
 * On each response's end: its latency by route pattern, and one access-log line (method, route,
 * status, duration, request id). The path is logged only where it is the route itself or unknown
 * (with any email in it masked): a dynamic one can be a secret (a manage link's token). Never the query.
 */
function observe(request: IncomingMessage, response: ServerResponse, context: RequestContext): void {
  const started = performance.now();
  response.once("close", () => {
    const seconds = (performance.now() - started) / 1000;
    const pathname = (request.url ?? "/").split("?")[0]!;
    const route = routeOf(pathname);
    const status = response.writableFinished ? response.statusCode : 499;
    httpMetrics().requestSeconds.observe({ method: request.method ?? "?", route, status: String(status) }, seconds);
    const shownPath = route === "other" ? maskEmailsIn(pathname.slice(0, 200)) : route.includes("[") ? undefined : pathname;
    runWithRequestContext(context, () =>
      accessLog.info({ method: request.method, route, path: shownPath, status, durationMs: Math.round(seconds * 10_000) / 10 }, "request"),
    );
  });
}

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress;
  const context: RequestContext = { requestId: requestIdFrom(request.headers["x-request-id"], peer !== undefined && isTrustedProxy(peer)) };
  response.setHeader("X-Request-Id", context.requestId);
  observe(request, response, context);
  if (edge(request, response)) return;
  applyStatusOverride(response, context);
  if (isProspectPage((request.url ?? "/").split("?")[0]!)) serveAsProspectPage(request, response, { script: bookingScript, compress: config.COMPRESS_RESPONSES });
  answerUnreadableActions(request, response, context, config.FIRM_EMAIL);
  void runWithRequestContext(context, async () => {
    const unanswered = await bookingFormPost(request, response);
    if (unanswered) await handle(unanswered, response);
  });
});
// A client that sends its headers or body a byte at a time is cut off rather than holding a socket.
server.headersTimeout = 15_000;
server.requestTimeout = 30_000;
server.listen(port, hostname, () => log.info({ port, interface: hostname ?? "all interfaces" }, "listening"));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    // With the in-app worker, its handler exits once the worker has stopped; otherwise we do.
    if (!config.WORKER_IN_APP) process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
