import type { IncomingHttpHeaders } from "node:http";

/** Every form and route here takes far less; nginx (client_max_body_size) and Next (serverActions.bodySizeLimit) are set to the same. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
// Signed by the sender (Resend's webhook), server to server: no browser, so no Origin.
const signedRoutes = ["/api/webhooks/"];

/**
 * The longest request target (path and query) taken, as nginx's default large_client_header_buffers
 * (8k). Next sends a target back whole in some headers (a redirect's Location): one much longer
 * would make a response header no proxy or client takes.
 */
export const MAX_REQUEST_TARGET_BYTES = 8 * 1024;

export type Refusal = "cross-site" | "too-large" | "length-required" | "bad-address" | "address-too-long";

/** Whether a path's percent-escapes decode to UTF-8; Next.js fails with a 500 on a route parameter that does not. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a request is refused before the app sees it: any whose address is too long or does not decode; one
 * that changes data when it comes from another site (its Origin, `null` included, is not one of
 * ours; a browser always sends Origin with a POST) or its body is over the limit (or of unknown
 * length).
 */
export function refusalOf(method: string, target: string, headers: IncomingHttpHeaders, ownOrigins: ReadonlySet<string>): Refusal | undefined {
  if (target.length > MAX_REQUEST_TARGET_BYTES) return "address-too-long";
  const pathname = target.split("?")[0]!;
  if (!isDecodable(pathname)) return "bad-address";
  if (safeMethods.has(method)) return undefined;
  if (!signedRoutes.some((prefix) => pathname.startsWith(prefix))) {
    const origin = headers.origin;
    if (!origin || !ownOrigins.has(origin.toLowerCase())) return "cross-site";
  }
  const length = headers["content-length"];
  if (length === undefined) return headers["transfer-encoding"] ? "length-required" : undefined;
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return "length-required";
  return bytes > MAX_REQUEST_BODY_BYTES ? "too-large" : undefined;
}
