import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

// Plain HTTP for what Playwright's request context hides: the bytes as sent (it decompresses) and
// the exact Accept-Encoding asked for.

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    // nginx may answer (a 413) and close before the whole body is written.
    request.on("error", (error: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? undefined : reject(error)));
    request.end(options.body);
  });
}

/** The body as the client reads it once decoded. */
export function decoded(response: RawResponse): Buffer {
  const encoding = response.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(response.body);
  if (encoding === "gzip") return gunzipSync(response.body);
  return response.body;
}

const securityHeaderNames = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "strict-transport-security", "x-powered-by"];

/** The security headers, with the CSP's nonce (which only the app can give, per response) taken out. */
export function securityHeadersOf(response: RawResponse): Record<string, string | undefined> {
  return Object.fromEntries(
    securityHeaderNames.map((name) => {
      const value = response.headers[name];
      const text = Array.isArray(value) ? value.join(", ") : value;
      return [name, name === "content-security-policy" ? text?.replace(/ 'nonce-[^']+'/, "") : text];
    }),
  );
}
