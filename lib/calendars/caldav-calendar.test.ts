import { access } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { once } from "node:events";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CalDavAuthError,
  CalDavError,
  deleteEvent,
  discoverCalendars,
  eventFileName,
  fetchCalendarEvents,
  putEvent,
  type CalDavCredentials,
} from "./caldav-calendar";
import { createRadicaleCalendar, putRadicaleEvent, startRadicale, type RadicaleServer } from "./test-support/radicale";

const ALICE_PASSWORD = "alice-app-password-1234";
const BOB_PASSWORD = "bob-app-password-5678";
const MARCH_WEEK = { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-09T00:00:00Z") };

let server: RadicaleServer;
let alice: CalDavCredentials;

beforeAll(async () => {
  server = await startRadicale({ users: { alice: ALICE_PASSWORD, bob: BOB_PASSWORD } });
  alice = { serverUrl: `${server.url}/`, username: "alice", password: ALICE_PASSWORD };
});
afterAll(async () => {
  await server?.stop();
});

function vcalendar(...components: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Consultant's calendar app//EN", ...components, "END:VCALENDAR", ""].join("\r\n");
}

function vevent(uid: string, lines: string[]): string {
  return ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20260101T000000Z", ...lines, "END:VEVENT"].join("\r\n");
}

const NEW_YORK = [
  "BEGIN:VTIMEZONE",
  "TZID:America/New_York",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** The consultant's own events, as their calendar app stores them; `inMarchWeek` says whether one overlaps MARCH_WEEK. */
const OWN_EVENTS = [
  {
    uid: "weekly-standup",
    inMarchWeek: true,
    ics: vcalendar(
      vevent("weekly-standup", ["DTSTART:20260105T090000Z", "DTEND:20260105T093000Z", "RRULE:FREQ=WEEKLY", "SUMMARY:Standup"]),
      vevent("weekly-standup", ["RECURRENCE-ID:20260112T090000Z", "DTSTART:20260112T100000Z", "DTEND:20260112T103000Z", "SUMMARY:Standup (later)"]),
    ),
  },
  {
    uid: "offsite-day",
    inMarchWeek: true,
    ics: vcalendar(vevent("offsite-day", ["DTSTART;VALUE=DATE:20260304", "DTEND;VALUE=DATE:20260305", "SUMMARY:Offsite"])),
  },
  {
    uid: "new-york-lunch",
    inMarchWeek: true,
    ics: vcalendar(
      NEW_YORK,
      vevent("new-york-lunch", [
        "DTSTART;TZID=America/New_York:20260303T120000",
        "DTEND;TZID=America/New_York:20260303T130000",
        "SUMMARY:Lunch & learn <NYC>",
      ]),
    ),
  },
  {
    uid: "cancelled-review",
    inMarchWeek: true,
    ics: vcalendar(vevent("cancelled-review", ["DTSTART:20260305T140000Z", "DTEND:20260305T150000Z", "STATUS:CANCELLED", "SUMMARY:Review"])),
  },
  {
    uid: "finished-series",
    inMarchWeek: false,
    ics: vcalendar(vevent("finished-series", ["DTSTART:20260105T120000Z", "DTEND:20260105T130000Z", "RRULE:FREQ=WEEKLY;UNTIL=20260202T120000Z"])),
  },
  {
    uid: "april-trip",
    inMarchWeek: false,
    ics: vcalendar(vevent("april-trip", ["DTSTART:20260410T080000Z", "DTEND:20260412T180000Z"])),
  },
];

function eventsOf(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
}

function uidOf(ics: string): string {
  const uids = new Set(eventsOf(ics).map((event) => String(event.getFirstPropertyValue("uid"))));
  expect(uids.size, "one UID per object").toBe(1);
  return [...uids][0]!;
}

function changedObjects(result: Awaited<ReturnType<typeof fetchCalendarEvents>>): string[] {
  if (!result.changed) throw new Error("expected the calendar to have changed");
  return result.objects;
}

/** A fetch that records each request's method and the status it got, then passes it on. */
function recordingFetch(answer: (url: string, init: RequestInit | undefined) => Promise<Response> = (url, init) => fetch(url, init)) {
  const requests: Array<{ method: string; url: string; status: number }> = [];
  const recording: typeof fetch = async (input, init) => {
    const url = String(input);
    const response = await answer(url, init);
    requests.push({ method: init?.method ?? "GET", url, status: response.status });
    return response;
  };
  return { fetch: recording, requests };
}

function booking(uid: string, sequence: number, summary: string, start: string): string {
  return vcalendar(vevent(uid, [`SEQUENCE:${sequence}`, `DTSTART:${start}`, "DURATION:PT30M", `SUMMARY:${summary}`]));
}

describe("discoverCalendars", () => {
  it("lists the user's own event calendars with their ctag and sync token, not task lists nor other users' calendars", async () => {
    const work = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "work", { displayName: "Work" });
    const home = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "home", { displayName: "Home & family" });
    await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "tasks", { components: ["VTODO"] });
    await createRadicaleCalendar(server, "bob", BOB_PASSWORD, "bobs-calendar");

    const calendars = await discoverCalendars(alice);
    const byUrl = [...calendars].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl.map((calendar) => [calendar.url, calendar.displayName])).toEqual(
      expect.arrayContaining([
        [home, "Home & family"],
        [work, "Work"],
      ]),
    );
    expect(calendars.every((calendar) => calendar.url.startsWith(`${server.url}/alice/`))).toBe(true);
    expect(calendars.map((calendar) => calendar.url)).not.toContain(`${server.url}/alice/tasks/`);
    for (const calendar of calendars) {
      expect(calendar.ctag).toEqual(expect.any(String));
      expect(calendar.syncToken).toEqual(expect.any(String));
    }
    // What people paste is often a deeper URL (their principal, or a provider's /dav/).
    expect(await discoverCalendars({ ...alice, serverUrl: `${server.url}/alice/` })).toEqual(calendars);
  });

  it("throws CalDavAuthError on a wrong password, after a single refused request, without the password in the message", async () => {
    // With a path in the server URL tsdav would look for the principal at two root URLs, each refusal counting towards a lockout.
    const wrong = { ...alice, serverUrl: `${server.url}/alice/`, password: "not-the-password" };
    const recorder = recordingFetch();
    const error = await discoverCalendars(wrong, recorder.fetch).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalDavAuthError);
    expect(error).toMatchObject({ status: 401, isRetryable: false });
    expect(String((error as Error).message)).not.toContain("not-the-password");
    expect(recorder.requests.filter((request) => request.status === 401)).toHaveLength(1);

    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "work");
    await expect(fetchCalendarEvents(wrong, calendar, MARCH_WEEK, null)).rejects.toMatchObject({ name: "CalDavAuthError", status: 401 });
  });

  it("throws a retryable CalDavError when nothing listens at the server URL", async () => {
    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    const error = await discoverCalendars({ ...alice, serverUrl: `http://127.0.0.1:${port}/` }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalDavError);
    expect(error).not.toBeInstanceOf(CalDavAuthError);
    expect(error).toMatchObject({ status: undefined, isRetryable: true });
  });

  it("refuses a server URL with credentials in it before sending anything", async () => {
    const recorder = recordingFetch();
    const serverUrl = server.url.replace("http://", `http://alice:${ALICE_PASSWORD}@`);
    const error = await discoverCalendars({ ...alice, serverUrl }, recorder.fetch).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "CalDavError", isRetryable: false });
    expect(String((error as Error).message)).not.toContain(ALICE_PASSWORD);
    expect(recorder.requests).toEqual([]);
  });
});

describe("fetchCalendarEvents", () => {
  it("returns each object with an event overlapping the range: recurring masters with their RRULE and overrides, all-day, zoned and cancelled events", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "own-events");
    for (const event of OWN_EVENTS) await putRadicaleEvent(calendar, "alice", ALICE_PASSWORD, `${event.uid}.ics`, event.ics);

    const objects = changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null));
    const byUid = new Map(objects.map((ics) => [uidOf(ics), ics]));
    expect([...byUid.keys()].sort()).toEqual(OWN_EVENTS.filter((event) => event.inMarchWeek).map((event) => event.uid).sort());
    expect(objects).toHaveLength(byUid.size);

    const standup = eventsOf(byUid.get("weekly-standup")!);
    expect(standup).toHaveLength(2);
    expect(String(standup[0]!.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY");
    expect(standup[1]!.getFirstPropertyValue("recurrence-id")).not.toBeNull();
    const [lunch] = eventsOf(byUid.get("new-york-lunch")!);
    expect(lunch!.getFirstPropertyValue("summary")).toBe("Lunch & learn <NYC>");
    expect(lunch!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("America/New_York");
    expect(byUid.get("new-york-lunch")).toContain("BEGIN:VTIMEZONE");
    expect(eventsOf(byUid.get("cancelled-review")!)[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("answers { changed: false } with one PROPFIND while nothing changed, and the events again once something did", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "sync-check");
    await putRadicaleEvent(calendar, "alice", ALICE_PASSWORD, "first.ics", vcalendar(vevent("first", ["DTSTART:20260303T090000Z", "DTEND:20260303T100000Z"])));

    const first = await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null);
    if (!first.changed) throw new Error("a first fetch has nothing to compare with");
    expect(first.version).toEqual(expect.any(String));
    expect(first.objects.map(uidOf)).toEqual(["first"]);

    const recorder = recordingFetch();
    expect(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, first.version, recorder.fetch)).toEqual({ changed: false });
    expect(recorder.requests.map((request) => [request.method, request.url, request.status])).toEqual([["PROPFIND", calendar, 207]]);

    await putRadicaleEvent(calendar, "alice", ALICE_PASSWORD, "second.ics", vcalendar(vevent("second", ["DTSTART:20260304T090000Z", "DTEND:20260304T100000Z"])));
    const later = await fetchCalendarEvents(alice, calendar, MARCH_WEEK, first.version);
    if (!later.changed) throw new Error("the calendar changed");
    expect(later.version).not.toBe(first.version);
    expect(later.objects.map(uidOf).sort()).toEqual(["first", "second"]);
    expect(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, later.version)).toEqual({ changed: false });
  });

  it("throws CalDavAuthError (403) for another user's calendar, and a non-retryable 404 CalDavError for a missing one", async () => {
    const bobs = await createRadicaleCalendar(server, "bob", BOB_PASSWORD, "private");
    await expect(fetchCalendarEvents(alice, bobs, MARCH_WEEK, null)).rejects.toMatchObject({ name: "CalDavAuthError", status: 403, isRetryable: false });
    await expect(fetchCalendarEvents(alice, `${server.url}/alice/no-such-calendar/`, MARCH_WEEK, null)).rejects.toMatchObject({
      name: "CalDavError",
      status: 404,
      isRetryable: false,
    });
  });

  it("throws a retryable CalDavError with the status when the server answers the query with 503", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "overloaded");
    const recorder = recordingFetch(async (url, init) => (init?.method === "REPORT" ? new Response("busy", { status: 503 }) : fetch(url, init)));
    const error = await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null, recorder.fetch).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalDavError);
    expect(error).toMatchObject({ status: 503, isRetryable: true });
  });
});

describe("putEvent and deleteEvent", () => {
  const uid = "booking-7f3a@consulting.example";

  it("creates the booking's event, then replaces it in place (one object, the new SUMMARY and SEQUENCE)", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "bookings");
    await putEvent(alice, calendar, uid, booking(uid, 0, "Intro call with Dana", "20260303T150000Z"));
    const created = changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null));
    expect(created).toHaveLength(1);
    expect(eventsOf(created[0]!)[0]!.getFirstPropertyValue("summary")).toBe("Intro call with Dana");

    await putEvent(alice, calendar, uid, booking(uid, 1, "Intro call with Dana (moved)", "20260305T160000Z"));
    const replaced = changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null));
    expect(replaced).toHaveLength(1);
    const [event] = eventsOf(replaced[0]!);
    expect(event!.getFirstPropertyValue("summary")).toBe("Intro call with Dana (moved)");
    expect(event!.getFirstPropertyValue("sequence")).toBe(1);

    const stored = await fetch(`${calendar}${uid}.ics`, { headers: { authorization: `Basic ${Buffer.from(`alice:${ALICE_PASSWORD}`).toString("base64")}` } });
    expect(stored.status).toBe(200);
    expect(await stored.text()).toContain("(moved)");
  });

  it("deletes the event, and a second delete (or one of an event never written) is fine", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "cancellations");
    await putEvent(alice, calendar, uid, booking(uid, 0, "Intro call", "20260303T150000Z"));
    expect(changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null))).toHaveLength(1);

    await deleteEvent(alice, calendar, uid);
    expect(changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null))).toEqual([]);
    await deleteEvent(alice, calendar, uid);
    await deleteEvent(alice, calendar, "never-written@consulting.example");
  });

  it("writes and deletes an event whose UID has characters unsafe in a file name", async () => {
    const calendar = await createRadicaleCalendar(server, "alice", ALICE_PASSWORD, "odd-uids");
    const oddUid = "../booking/7f3a?x=1 #2";
    await putEvent(alice, calendar, oddUid, booking(oddUid, 0, "Odd", "20260303T150000Z"));
    const objects = changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null));
    expect(objects.map(uidOf)).toEqual([oddUid]);
    await deleteEvent(alice, calendar, oddUid);
    expect(changedObjects(await fetchCalendarEvents(alice, calendar, MARCH_WEEK, null))).toEqual([]);
  });

  it("refuses writes to another user's calendar with CalDavAuthError", async () => {
    const bobs = await createRadicaleCalendar(server, "bob", BOB_PASSWORD, "private");
    await expect(putEvent(alice, bobs, uid, booking(uid, 0, "Intro call", "20260303T150000Z"))).rejects.toMatchObject({ name: "CalDavAuthError", status: 403 });
    await expect(deleteEvent(alice, bobs, uid)).rejects.toMatchObject({ name: "CalDavAuthError", status: 403 });
  });
});

describe("eventFileName", () => {
  it("keeps a UID of safe characters as it is", () => {
    expect(eventFileName("booking-7f3a@consulting.example")).toBe("booking-7f3a@consulting.example.ics");
  });

  it("gives other UIDs a name of safe characters only, the same each time, and different UIDs different names", () => {
    const uids = ["a/b", "a_b", "a b", "a:b", ".hidden", "ümlaut", "x".repeat(300), "x".repeat(301)];
    const names = uids.map(eventFileName);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9@_-][A-Za-z0-9@._-]*\.ics$/);
    expect(new Set(names).size).toBe(uids.length);
    expect(uids.map(eventFileName)).toEqual(names);
  });
});

describe("the Radicale harness", () => {
  it("stops its radicale process and removes its folder", async () => {
    const own = await startRadicale();
    expect(() => process.kill(own.pid, 0)).not.toThrow();
    await createRadicaleCalendar(own, "anyone", "any-password", "calendar");

    await own.stop();
    expect(() => process.kill(own.pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
    await expect(access(own.folder)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
