import { lookup as resolveHost } from "node:dns/promises";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { isBlockedAddress } from "./blocked-addresses";
import { fetchArguments, redirectedRequest, type OutgoingRequest } from "./outgoing-request";

/** The host is, or resolves to, a loopback, private or reserved address. */
export class BlockedAddressError extends Error {
  name = "BlockedAddressError";
}
export class ResponseTooLargeError extends Error {
  name = "ResponseTooLargeError";
}
export class RequestTimeoutError extends Error {
  name = "RequestTimeoutError";
}

export type GuardedFetchOptions = {
  /** Allow loopback and private networks (tests; a CalDAV server on the LAN). Default false. */
  allowPrivateHosts?: boolean;
  /** The whole exchange, connect to last byte. Default 15 s. */
  timeoutMs?: number;
  /** The largest response body accepted. Default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /**
   * Which IP addresses may not be connected to, in place of the default (isBlockedAddress, or
   * nothing with allowPrivateHosts). Lets tests block one loopback address and allow another.
   */
  isBlockedAddress?: (address: string) => boolean;
};

type Limits = { maxBytes: number; isBlocked: (address: string) => boolean; lookup: LookupFunction };
type ReceivedResponse = { status: number; statusText: string; headers: Headers; body: Uint8Array<ArrayBuffer> | null };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A fetch for addresses users typed: http(s) only, never to a blocked address (checked on the
 * address actually connected to, on every redirect hop), with a size cap on the (decompressed)
 * body and one time limit on the whole exchange. The body is buffered before it resolves.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const { timeoutMs = 15_000, maxBytes = 10 * 1024 * 1024, maxRedirects = 5 } = options;
  const isBlocked = options.isBlockedAddress ?? (options.allowPrivateHosts ? () => false : isBlockedAddress);
  const limits: Limits = { maxBytes, isBlocked, lookup: checkedLookup(isBlocked) };

  return async function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const { signal: callerSignal, redirect, ...first } = await fetchArguments(input, init);
    const host = first.url.hostname;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new RequestTimeoutError(`The request to ${host} timed out after ${timeoutMs} ms`)), timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout.signal, callerSignal]) : timeout.signal;
    try {
      let request: OutgoingRequest = first;
      for (let redirects = 0; ; redirects++) {
        const received = await exchange(request, signal, limits);
        const location = received.headers.get("location");
        if (!REDIRECT_STATUSES.has(received.status) || location === null || redirect === "manual") {
          const { status, statusText, headers } = received;
          return new Response(received.body, { status, statusText, headers });
        }
        if (redirect === "error") throw new TypeError(`${request.url.hostname} redirected, and redirects were refused`);
        if (redirects === maxRedirects) throw new TypeError(`Too many redirects (more than ${maxRedirects}) fetching from ${host}`);
        request = redirectedRequest(request, received.status, location);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

/** One request and its whole response. */
async function exchange(request: OutgoingRequest, signal: AbortSignal, limits: Limits): Promise<ReceivedResponse> {
  signal.throwIfAborted();
  const { url, method, body } = request;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // Node connects to an IP-literal host without calling `lookup`, so it is checked here.
  if (isIP(hostname) && limits.isBlocked(hostname)) {
    throw new BlockedAddressError(`${hostname} is a loopback, private or reserved address`);
  }
  const headers = Object.fromEntries(request.headers);
  if (body) headers["content-length"] = String(body.length);
  const transport = url.protocol === "https:" ? https : http;
  // No agent: a pooled socket may have been connected by code that did not check its address.
  const outgoing = transport.request({ hostname, port: url.port, path: url.pathname + url.search, method, headers, lookup: limits.lookup, agent: false, signal });
  try {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      outgoing.on("response", resolve);
      outgoing.on("error", reject);
      outgoing.end(body);
    });
    return await receive(response, method, signal, limits.maxBytes, url.hostname);
  } catch (error) {
    outgoing.destroy();
    throw signal.aborted ? signal.reason : error;
  }
}

async function receive(response: IncomingMessage, method: string, signal: AbortSignal, maxBytes: number, host: string): Promise<ReceivedResponse> {
  const status = response.statusCode ?? 0;
  const statusText = response.statusMessage ?? "";
  if (method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
    response.resume();
    return { status, statusText, headers: responseHeaders(response.headers, false), body: null };
  }
  const tooLarge = () => new ResponseTooLargeError(`The response from ${host} is larger than ${maxBytes} bytes`);
  if (Number(response.headers["content-length"]) > maxBytes) throw tooLarge();
  const capped = async function* (chunks: AsyncIterable<Buffer>) {
    let size = 0;
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      yield chunk;
    }
  };
  const collect = async (chunks: AsyncIterable<Buffer>) => {
    const collected: Buffer[] = [];
    for await (const chunk of chunks) collected.push(chunk);
    return new Uint8Array(Buffer.concat(collected)); // a copy the Response can own
  };
  const decoder = decoderFor(response.headers["content-encoding"]);
  // The cap counts the bytes received and, apart, the bytes they decompress to (a gzip bomb).
  const body = decoder
    ? await pipeline(response, capped, decoder, capped, collect, { signal })
    : await pipeline(response, capped, collect, { signal });
  return { status, statusText, headers: responseHeaders(response.headers, decoder !== undefined), body };
}

function decoderFor(contentEncoding: string | undefined): Transform | undefined {
  // Lenient at the end of the stream, as browsers are with a truncated but otherwise good body.
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (contentEncoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip(flush);
    case "deflate":
      return zlib.createInflate(flush);
    case "br":
      return zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return undefined; // none, or one we cannot decode: the body is passed on as it came
  }
}

function responseHeaders(received: IncomingHttpHeaders, decoded: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received)) {
    if (value === undefined || (decoded && (name === "content-encoding" || name === "content-length"))) continue;
    for (const each of [value].flat()) headers.append(name, each);
  }
  return headers;
}

/** A `lookup` for node:net that refuses the connection if the host has any blocked address. */
function checkedLookup(isBlocked: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname, { all: true, family: options.family, hints: options.hints }).then(
      (addresses) => {
        const blocked = addresses.find((entry) => isBlocked(entry.address));
        const [first] = addresses;
        if (blocked) {
          callback(new BlockedAddressError(`${hostname} resolves to ${blocked.address}, a loopback, private or reserved address`), "");
        } else if (!first) {
          callback(new Error(`${hostname} has no address`), "");
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
