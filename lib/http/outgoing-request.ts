/** One request as guardedFetch sends it: the current hop of a possibly redirected exchange. */
export type OutgoingRequest = {
  url: URL;
  method: string;
  headers: Headers;
  body: Buffer | undefined;
};

export type FetchArguments = OutgoingRequest & {
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
};

// Set from the body and the connection, never taken from the caller.
const CONNECTION_HEADERS = ["host", "content-length", "transfer-encoding", "connection"];
// Dropped when a redirect changes the method to GET, as fetch does.
const BODY_HEADERS = ["content-type", "content-encoding", "content-language", "content-location"];
// Dropped when a redirect leaves the origin they were meant for.
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];
// fetch upper-cases only these; any other method name is sent as written.
const NORMALISED_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

/** fetch's arguments (a string, URL or Request, and init) as a request to send. */
export async function fetchArguments(input: RequestInfo | URL, init: RequestInit = {}): Promise<FetchArguments> {
  const request = input instanceof Request ? input : undefined;
  const url = targetUrl(request ? request.url : String(input));
  const method = normalisedMethod(init.method ?? request?.method ?? "GET");
  const headers = new Headers(init.headers ?? request?.headers);
  for (const name of CONNECTION_HEADERS) headers.delete(name);
  if (!headers.has("accept-encoding")) headers.set("accept-encoding", "gzip, deflate, br");
  const body = init.body !== undefined ? bodyBytes(init.body) : request?.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  if (body && (method === "GET" || method === "HEAD")) throw new TypeError(`A ${method} request cannot have a body`);
  return { url, method, headers, body, signal: init.signal ?? request?.signal, redirect: init.redirect ?? request?.redirect ?? "follow" };
}

/** The request to send for a redirect to `location`, per the fetch standard's rules. */
export function redirectedRequest(previous: OutgoingRequest, status: number, location: string): OutgoingRequest {
  const url = targetUrl(location, previous.url);
  const headers = new Headers(previous.headers);
  if (url.origin !== previous.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  const becomesGet = status === 303 ? previous.method !== "HEAD" : (status === 301 || status === 302) && previous.method === "POST";
  if (!becomesGet) return { ...previous, url, headers };
  for (const name of BODY_HEADERS) headers.delete(name);
  return { url, method: "GET", headers, body: undefined };
}

/**
 * An http(s) URL without credentials in it. The messages name the host at most: the path of a
 * calendar feed address is often its secret.
 */
export function targetUrl(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new TypeError("Not a valid absolute http(s) address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`Only http and https addresses can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TypeError(`The address for ${url.hostname} has a user name or password in it; send them in an Authorization header instead`);
  }
  return url;
}

function normalisedMethod(method: string): string {
  const upperCase = method.toUpperCase();
  return NORMALISED_METHODS.includes(upperCase) ? upperCase : method;
}

function bodyBytes(body: BodyInit | null): Buffer | undefined {
  if (body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError("guardedFetch sends only string or byte (Uint8Array) bodies");
}
