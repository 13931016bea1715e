// The production server: Next.js behind our own edge (lib/http/edge/edge.ts), which settles the
// client's address, sets the security headers, and refuses cross-site and oversized requests.
// Run by `npm start` (scripts/start.mjs) after a build.
import { createServer } from "node:http";
import next from "next";
import { getConfig } from "../lib/config";
import { createEdge } from "../lib/http/edge/edge";
import { EDGE_MARKER } from "../lib/http/edge/client-address-header";
import { readStaticPageHashes } from "../lib/http/edge/static-page-hashes";
import { parseTrustedProxies } from "../lib/http/edge/trusted-proxies";

process.env[EDGE_MARKER] = "1";
// The app's own SIGTERM handler stops the outbox worker before the process exits (instrumentation.ts).
process.env.NEXT_MANUAL_SIG_HANDLE = "1";
const config = getConfig();
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const distDir = process.env.NEXT_DIST_DIR || ".next";

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const edge = createEdge({
  appUrl: config.APP_URL,
  firmEmail: config.FIRM_EMAIL,
  isTrustedProxy: parseTrustedProxies(config.TRUSTED_PROXIES),
  staticPageHashes: readStaticPageHashes(distDir),
});
const server = createServer((request, response) => {
  if (!edge(request, response)) void handle(request, response);
});
// A client that sends its headers or body a byte at a time is cut off rather than holding a socket.
server.headersTimeout = 15_000;
server.requestTimeout = 30_000;
server.listen(port, hostname, () => console.info(`[server] listening on ${hostname ?? "all interfaces"}:${port}`));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    // With the in-app worker, its handler exits once the worker has stopped; otherwise we do.
    if (!config.WORKER_IN_APP) process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
