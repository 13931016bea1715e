import { createHash } from "node:crypto";
import { DAVClient, getBasicAuthHeaders, type DAVResponse } from "tsdav";

/**
 * Our CalDAV client (Fastmail, iCloud, Nextcloud, Radicale…), a thin layer over tsdav: it finds a
 * consultant's calendars, reads a calendar's events when it has changed, and writes, replaces and
 * deletes the events of our bookings. Failures are CalDavErrors that say whether trying again can help.
 */

export type CalDavCredentials = { serverUrl: string; username: string; password: string };

export type CalDavCalendarInfo = { url: string; displayName: string; ctag: string | null; syncToken: string | null };

/** A CalDAV request that failed. `status` is the HTTP status, undefined when there was no usable answer. */
export class CalDavError extends Error {
  readonly status: number | undefined;
  readonly isRetryable: boolean;
  constructor(message: string, options: { status?: number; retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "CalDavError";
    this.status = options.status;
    this.isRetryable = options.retryable;
  }
}

/** The server refused the username and app password (401), or this account access to the calendar (403). */
export class CalDavAuthError extends CalDavError {
  constructor(status: number) {
    super(`the CalDAV server refused the credentials (HTTP ${status})`, { status, retryable: false });
    this.name = "CalDavAuthError";
  }
}

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REASON_LENGTH = 200;

function httpFailure(what: string, status: number): CalDavError {
  if (status === 401 || status === 403) return new CalDavAuthError(status);
  return new CalDavError(`${what} answered HTTP ${status}`, { status, retryable: status === 429 || status >= 500 });
}

type Connection = <T>(operation: string, work: (client: DAVClient) => Promise<T>) => Promise<T>;

/**
 * The one place a DAVClient is made. Every request goes through `checkedFetch`, so that a refusal,
 * a server error or an unreachable server surfaces as a CalDavError even from inside tsdav (which
 * turns those into plain Errors, or swallows them during discovery and tries elsewhere).
 */
function connect(credentials: CalDavCredentials, fetchImpl: typeof globalThis.fetch = globalThis.fetch): Connection {
  checkServerUrl(credentials.serverUrl);
  let refused: CalDavAuthError | undefined;
  let lastFailedStatus: number | undefined;

  const checkedFetch: typeof globalThis.fetch = async (input, init) => {
    // Asking again with credentials already refused only brings the account closer to a lockout (iCloud, Fastmail).
    if (refused) throw refused;
    const method = init?.method ?? "GET";
    let response: Response;
    try {
      response = await fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new CalDavError(`CalDAV ${method} got no answer`, { retryable: true, cause: error });
    }
    if (response.status < 400) return response;
    lastFailedStatus = response.status;
    if (response.status === 401 || response.status === 403 || response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      const failure = httpFailure(`CalDAV ${method}`, response.status);
      if (response.status === 401) refused = failure as CalDavAuthError;
      throw failure;
    }
    return response;
  };

  const client = new DAVClient({
    serverUrl: credentials.serverUrl,
    credentials: { username: credentials.username, password: credentials.password },
    authMethod: "Basic",
    defaultAccountType: "caldav",
    fetch: checkedFetch,
  });
  // What login() would set first; requests to a calendar whose URL we know skip login's discovery requests.
  client.authHeaders = getBasicAuthHeaders(client.credentials);

  return async (operation, work) => {
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof CalDavError) throw error;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON_LENGTH);
      throw new CalDavError(`CalDAV ${operation} failed: ${reason}`, { status: lastFailedStatus, retryable: false, cause: error });
    }
  };
}

/** A server URL with a user:password@ part would end up in fetch's error messages. */
function checkServerUrl(serverUrl: string) {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new CalDavError("the CalDAV server URL is not a URL", { retryable: false });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new CalDavError("the CalDAV server URL must be http(s)", { retryable: false });
  if (url.username || url.password) throw new CalDavError("the CalDAV server URL must not contain a username or password", { retryable: false });
}

/** tsdav's XML parsing makes numeric-looking text numbers and keeps CDATA as `{ _cdata }`. */
function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value && typeof value === "object" && "_cdata" in value && typeof value._cdata === "string") return value._cdata;
  return null;
}

/** Signs in and lists the calendars that hold events (VEVENT). Throws CalDavAuthError on a wrong password, CalDavError otherwise (messages free of secrets). */
export async function discoverCalendars(credentials: CalDavCredentials, fetch?: typeof globalThis.fetch): Promise<CalDavCalendarInfo[]> {
  const calendars = await connect(credentials, fetch)("discovery", async (client) => {
    await client.login();
    return client.fetchCalendars();
  });
  return calendars
    .filter((calendar) => !calendar.components?.length || calendar.components.includes("VEVENT"))
    .map((calendar) => ({
      url: calendar.url,
      displayName: text(calendar.displayName) || lastPathSegment(calendar.url),
      ctag: text(calendar.ctag),
      syncToken: text(calendar.syncToken),
    }));
}

function lastPathSegment(url: string): string {
  const segment = new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? url;
  return decodeURIComponent(segment);
}

/**
 * The events of one calendar overlapping [from, to), unless its ctag/sync token still equals `since` (then { changed: false }).
 * Each returned object is one iCalendar text (a VCALENDAR holding one UID's master and overrides).
 *
 * Two requests when the calendar changed, one when not: a PROPFIND (Depth 0) of the calendar alone
 * for its sync token and ctag, then a calendar-query REPORT asking for the data of the events in
 * the range at once (tsdav's fetchCalendarObjects would ask for their hrefs and then multiget them).
 */
export async function fetchCalendarEvents(
  credentials: CalDavCredentials,
  calendarUrl: string,
  range: { from: Date; to: Date },
  since: string | null,
  fetch?: typeof globalThis.fetch,
): Promise<{ changed: false } | { changed: true; version: string | null; objects: string[] }> {
  if (!(range.from < range.to)) throw new RangeError("fetchCalendarEvents: range.from must be before range.to");
  const connection = connect(credentials, fetch);
  // Read before the events: a change landing in between is then fetched again next time, not missed.
  const version = await connection("PROPFIND", (client) => calendarVersion(client, calendarUrl));
  if (version !== null && version === since) return { changed: false };

  const responses = await connection("calendar-query", (client) =>
    client.calendarQuery({
      url: calendarUrl,
      props: { "d:getetag": {}, "c:calendar-data": {} },
      filters: {
        "comp-filter": {
          _attributes: { name: "VCALENDAR" },
          "comp-filter": {
            _attributes: { name: "VEVENT" },
            "time-range": { _attributes: { start: caldavUtc(range.from), end: caldavUtc(range.to) } },
          },
        },
      },
      depth: "1",
    }),
  );
  const objects = responses.filter((response) => response.ok).flatMap((response) => text(response.props?.calendarData) ?? []);
  return { changed: true, version, objects };
}

/** The calendar's sync token, else its ctag (null if it has neither): either changes whenever an event does. */
async function calendarVersion(client: DAVClient, calendarUrl: string): Promise<string | null> {
  const [response]: Array<DAVResponse | undefined> = await client.propfind({
    url: calendarUrl,
    props: { "d:sync-token": {}, "cs:getctag": {} },
    depth: "0",
  });
  if (!response) throw new CalDavError("CalDAV PROPFIND got an empty answer", { retryable: true });
  if (!response.ok) throw httpFailure("CalDAV PROPFIND", response.status);
  return text(response.props?.syncToken) ?? text(response.props?.getctag);
}

/** 20260105T090000Z, the form CalDAV's time-range wants. */
function caldavUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

const SAFE_NAME = /^[A-Za-z0-9@_-][A-Za-z0-9@._-]{0,199}$/;

/**
 * `${uid}.ics` when the UID is made only of [A-Za-z0-9@._-] (and does not start with a dot, which
 * servers storing objects as files refuse); otherwise its other characters become `_` and a hash of
 * the whole UID keeps different UIDs apart. Percent-encoding would not do: servers decode it, so a
 * `/` in a UID would still become a path separator.
 */
export function eventFileName(uid: string): string {
  if (SAFE_NAME.test(uid)) return `${uid}.ics`;
  const readable = uid.slice(0, 100).replace(/[^A-Za-z0-9@._-]/g, "_").replace(/^\./, "_");
  const hash = createHash("sha256").update(uid).digest("hex").slice(0, 16);
  return `${readable}-${hash}.ics`;
}

function eventUrl(calendarUrl: string, uid: string): string {
  return new URL(eventFileName(uid), calendarUrl.endsWith("/") ? calendarUrl : `${calendarUrl}/`).href;
}

/**
 * Creates or replaces the event stored under `${uid}.ics` (the booking's UID): PUT, replacing whatever is there.
 *
 * A plain PUT: tsdav's createCalendarObject sends If-None-Match: * (412 when the event exists), and
 * updateCalendarObject without an etag sends no precondition at all, which is what replacing needs.
 */
export async function putEvent(credentials: CalDavCredentials, calendarUrl: string, uid: string, ics: string, fetch?: typeof globalThis.fetch): Promise<void> {
  await connect(credentials, fetch)("PUT", async (client) => {
    const response = await client.updateCalendarObject({ calendarObject: { url: eventUrl(calendarUrl, uid), data: ics } });
    await response.body?.cancel();
    if (!response.ok) throw httpFailure("CalDAV PUT", response.status);
  });
}

/** Deletes the event stored under `${uid}.ics`; already gone (404/410) counts as done. */
export async function deleteEvent(credentials: CalDavCredentials, calendarUrl: string, uid: string, fetch?: typeof globalThis.fetch): Promise<void> {
  await connect(credentials, fetch)("DELETE", async (client) => {
    const response = await client.deleteCalendarObject({ calendarObject: { url: eventUrl(calendarUrl, uid) } });
    await response.body?.cancel();
    if (!response.ok && response.status !== 404 && response.status !== 410) throw httpFailure("CalDAV DELETE", response.status);
  });
}
