import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { resolveClientAddress } from "./client-address";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";
import { refusalResponse } from "./edge-pages";
import { refusalOf } from "./request-guards";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import type { StaticPageHashes } from "./static-page-hashes";

// A client still sending when it is refused sees the page only if its upload may finish, so the
// body is read and thrown away, up to a point: then the connection is cut.
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

function discardBody(request: IncomingMessage): void {
  let bytes = 0;
  request.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_DISCARDED_BYTES) request.destroy();
  });
}

export type EdgeOptions = {
  appUrl: string;
  firmEmail: string;
  isTrustedProxy: (address: string) => boolean;
  staticPageHashes: StaticPageHashes;
};

const forwardingHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", CLIENT_ADDRESS_HEADER];

/**
 * What happens to every request before Next.js sees it: the client's address settled, the
 * security headers and CSP set, and requests that change data from another site or with too large
 * a body refused. Returns true when it answered the request itself.
 */
export function createEdge(options: EdgeOptions): (request: IncomingMessage, response: ServerResponse) => boolean {
  const https = options.appUrl.startsWith("https:");
  const appOrigin = new URL(options.appUrl).origin.toLowerCase();
  const headers = Object.entries(securityHeaders(https));
  const notFoundHashes = options.staticPageHashes["/_not-found"] ?? [];

  return (request, response) => {
    const peer = request.socket.remoteAddress;
    const fromProxy = peer !== undefined && options.isTrustedProxy(peer);
    const client = resolveClientAddress(peer, request.headers["x-forwarded-for"], options.isTrustedProxy);
    if (!fromProxy) for (const name of forwardingHeaders) delete request.headers[name];
    request.headers[CLIENT_ADDRESS_HEADER] = client;

    for (const [name, value] of headers) response.setHeader(name, value);
    const method = request.method ?? "GET";
    const pathname = (request.url ?? "/").split("?")[0]!.replace(/(.)\/$/, "$1");
    const staticHashes = method === "GET" || method === "HEAD" ? options.staticPageHashes[pathname] : undefined;
    if (staticHashes && !request.headers.rsc) {
      response.setHeader("Content-Security-Policy", contentSecurityPolicy({ hashes: staticHashes }, https));
    } else {
      // Next.js reads the nonce from the request's CSP and puts it on every script it renders.
      const policy = contentSecurityPolicy({ nonce: randomBytes(16).toString("base64"), hashes: notFoundHashes }, https);
      request.headers["content-security-policy"] = policy;
      response.setHeader("Content-Security-Policy", policy);
    }

    const forwardedProto = fromProxy ? String(request.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() : "";
    const proto = forwardedProto || ((request.socket as TLSSocket).encrypted ? "https" : "http");
    const host = (fromProxy ? request.headers["x-forwarded-host"] : undefined) ?? request.headers.host;
    const ownOrigins = new Set([appOrigin, `${proto}://${host}`.toLowerCase()]);
    const refusal = refusalOf(method, request.url ?? "/", request.headers, ownOrigins);
    if (!refusal) {
      // Sent from our own address to another name of this host: Next.js checks a server action's
      // Origin against the host (and fails with a 500), so tell it the host the form came from.
      if (request.headers.origin?.toLowerCase() === appOrigin && `${proto}://${host}`.toLowerCase() !== appOrigin) request.headers["x-forwarded-host"] = new URL(appOrigin).host;
      return false;
    }
    const { status, html } = refusalResponse(refusal, options.firmEmail);
    response.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(html);
    discardBody(request);
    return true;
  };
}
