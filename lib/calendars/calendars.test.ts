import { addDays, addMinutes } from "date-fns";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookConsultation } from "../booking/book-consultation";
import { bookingRequest, testNow, testSettings } from "../booking/booking-test-fixtures";
import { cancelBooking } from "../booking/cancel-booking";
import { listOpenSlots } from "../booking/list-open-slots";
import { manageToken } from "../booking/manage-token";
import { moveBooking } from "../booking/move-booking";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { calendarAlertDelivery } from "../email/deliver-calendar-alert";
import { createMailboxTransport } from "../email/mailbox-transport";
import { createGuardedFetch } from "../http/guarded-fetch";
import { staffMember } from "../leads/leads-test-fixtures";
import type { ClaimedMessage } from "../outbox/claim-due-messages";
import { testEmailSettings } from "../worker/worker-test-fixtures";
import { fetchCalendarEvents } from "./caldav-calendar";
import type { CalendarSettings } from "./calendar-settings";
import { connectCalDav, connectFeed, removeCalendar } from "./connect-calendar";
import { calendarEventDelivery } from "./deliver-calendar-event";
import { syncCalendarNow, syncDueCalendars } from "./sync-calendar";
import { startFeedServer, type FeedServer } from "./test-support/feed-server";
import { createRadicaleCalendar, putRadicaleEvent, startRadicale, type RadicaleServer } from "./test-support/radicale";

const PASSWORD = "grace-app-password-2468";
// Tuesday 2026-12-08, 10:00 and 11:00 in New York (the firm's zone in the test settings).
const tenAm = new Date("2026-12-08T15:00:00Z");
const elevenAm = addMinutes(tenAm, 60);

let database: TestDatabase;
let radicale: RadicaleServer;
let feeds: FeedServer;
let settings: CalendarSettings;
const organizer = { name: "Test Firm", email: "hello@firm.example" };

beforeAll(async () => {
  [database, radicale, feeds] = await Promise.all([createTestDatabase(), startRadicale({ users: { grace: PASSWORD } }), startFeedServer()]);
  settings = {
    key: { bytes: Buffer.alloc(32, 7) },
    fetch: createGuardedFetch({ allowPrivateHosts: true, timeoutMs: 10_000 }),
    syncMinutes: 5,
    horizonDays: testSettings.availability.horizonDays,
    staffEmails: ["staff@example.com"],
    firmTimeZone: "America/New_York",
    appUrl: "http://app.example",
  };
});
afterAll(async () => {
  await Promise.all([database?.destroy(), radicale?.stop(), feeds?.stop()]);
});
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "RateLimitBucket", "Calendar", "User", "AuditEvent" CASCADE`);
});

const db = () => database.prisma;
const isOpen = async (at: Date) => (await listOpenSlots(db(), testSettings.availability, testNow)).some((slot) => slot.startsAt.getTime() === at.getTime());

async function consultant() {
  const member = await staffMember(db(), "STAFF", "Grace Hopper");
  await db().user.update({ where: { id: member.id }, data: { takesCalls: true } });
  return member;
}

// CalDAV servers want the VTIMEZONE of each TZID an object uses (feeds often leave it out).
const vtimezone = (tzid: string, standard: [string, string], daylight: [string, string], rules: [string, string]) =>
  [
    "BEGIN:VTIMEZONE", `TZID:${tzid}`,
    "BEGIN:DAYLIGHT", `TZOFFSETFROM:${standard[0]}`, `TZOFFSETTO:${daylight[0]}`, "DTSTART:19700301T020000", `RRULE:FREQ=YEARLY;${rules[0]}`, "END:DAYLIGHT",
    "BEGIN:STANDARD", `TZOFFSETFROM:${daylight[0]}`, `TZOFFSETTO:${standard[0]}`, "DTSTART:19701101T020000", `RRULE:FREQ=YEARLY;${rules[1]}`, "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
const NEW_YORK = vtimezone("America/New_York", ["-0500", "EST"], ["-0400", "EDT"], ["BYMONTH=3;BYDAY=2SU", "BYMONTH=11;BYDAY=1SU"]);
const BERLIN = vtimezone("Europe/Berlin", ["+0100", "CET"], ["+0200", "CEST"], ["BYMONTH=3;BYDAY=-1SU", "BYMONTH=10;BYDAY=-1SU"]);

function vcalendar(...events: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", ...events, "END:VCALENDAR", ""].join("\r\n");
}
function vevent(uid: string, ...lines: string[]): string {
  return ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20261101T000000Z", ...lines, "END:VEVENT"].join("\r\n");
}

describe("a consultant's iCalendar feed", () => {
  it("takes its busy times off /book, keeps them when the feed fails, and alerts staff once", async () => {
    const grace = await consultant();
    const webcal = { ...settings, fetch: toHttp(settings.fetch) };
    // Weekly 10:00-11:00 on Tuesdays, written in New York time with no VTIMEZONE (as Google's feeds are).
    feeds.setFeed("/grace.ics", vcalendar(vevent("weekly", "DTSTART;TZID=America/New_York:20261201T100000", "DTEND;TZID=America/New_York:20261201T110000", "RRULE:FREQ=WEEKLY")));
    const connected = await connectFeed(db(), grace.staff, grace.id, { label: "Google", url: `${feeds.url.replace("http", "webcal")}/grace.ics` }, webcal, null, testNow);
    expect(connected).toMatchObject({ ok: true });
    expect(await isOpen(tenAm)).toBe(false);
    expect(await isOpen(addMinutes(tenAm, 30))).toBe(false);
    expect(await isOpen(elevenAm)).toBe(true);
    expect(await isOpen(addDays(tenAm, 1))).toBe(true);

    const calendar = await db().calendar.findFirstOrThrow();
    expect(calendar.secret).not.toContain("grace.ics");
    expect(JSON.stringify(await db().auditEvent.findMany())).not.toContain("grace.ics");

    // Unchanged: one conditional request, answered 304.
    await syncCalendarNow(db(), calendar.id, webcal, addMinutes(testNow, 5));
    expect(feeds.requests("/grace.ics").at(-1)).toEqual({ ifNoneMatch: calendar.version, status: 304 });

    feeds.failWith("/grace.ics", 500);
    const failed = await syncCalendarNow(db(), calendar.id, webcal, addMinutes(testNow, 10));
    expect(failed).toEqual({ ok: false, error: expect.stringContaining("500") });
    expect(await isOpen(tenAm)).toBe(false);
    expect(await db().calendar.findUniqueOrThrow({ where: { id: calendar.id } })).toMatchObject({ lastError: expect.stringContaining("500"), lastSyncedAt: addMinutes(testNow, 5) });
    expect(await db().outboxMessage.count({ where: { kind: "CALENDAR_SYNC_FAILED" } })).toBe(0);

    for (const minutes of [30, 35, 40]) await syncCalendarNow(db(), calendar.id, webcal, addMinutes(testNow, minutes));
    const alerts = await db().outboxMessage.findMany({ where: { kind: "CALENDAR_SYNC_FAILED" } });
    expect(alerts).toEqual([expect.objectContaining({ calendarId: calendar.id, recipient: `staff@example.com, ${grace.email}` })]);
    const sendAlert = calendarAlertDelivery(db(), createMailboxTransport(db()), testEmailSettings);
    expect(await sendAlert({ id: alerts[0]!.id, kind: "CALENDAR_SYNC_FAILED", attempts: 1 } as ClaimedMessage)).toMatchObject({ kind: "sent" });
    const email = await db().mailboxMessage.findFirstOrThrow({ where: { outboxId: alerts[0]!.id } });
    expect(email).toMatchObject({ to: ["staff@example.com", grace.email], subject: 'Calendar not syncing: Grace Hopper, "Google"' });
    expect(email.text).toContain("500");
    expect(email.text + email.html).not.toContain("grace.ics");

    // Back again: the next failure is news once more.
    feeds.setFeed("/grace.ics", vcalendar());
    expect(await syncCalendarNow(db(), calendar.id, webcal, addMinutes(testNow, 45))).toMatchObject({ ok: true, changed: true });
    expect(await isOpen(tenAm)).toBe(true);
    expect(await db().calendar.findUniqueOrThrow({ where: { id: calendar.id } })).toMatchObject({ lastError: null, alertedAt: null, failingSince: null });
  });

  it("syncs due calendars from the worker's job, each once however many workers ask", async () => {
    const grace = await consultant();
    feeds.setFeed("/due.ics", vcalendar(vevent("one", "DTSTART:20261208T150000Z", "DTEND:20261208T160000Z")));
    await connectFeed(db(), grace.staff, grace.id, { label: "Work", url: `${feeds.url}/due.ics` }, settings, null, testNow);
    feeds.setFeed("/due.ics", vcalendar(vevent("one", "DTSTART:20261208T160000Z", "DTEND:20261208T170000Z")));
    expect(await syncDueCalendars(db(), settings, addMinutes(testNow, 1))).toEqual([]);
    const racing = await Promise.all([syncDueCalendars(db(), settings, addMinutes(testNow, 6)), syncDueCalendars(db(), settings, addMinutes(testNow, 6))]);
    expect(racing.flat()).toEqual([{ ok: true, changed: true, busyCount: 1 }]);
    expect(await isOpen(tenAm)).toBe(true);
    expect(await isOpen(elevenAm)).toBe(false);
  });

  it("refuses an address on this machine or a private network unless allowed, and keeps nothing", async () => {
    const grace = await consultant();
    feeds.setFeed("/private.ics", vcalendar());
    const guarded = { ...settings, fetch: createGuardedFetch() };
    const result = await connectFeed(db(), grace.staff, grace.id, { label: "Work", url: `${feeds.url}/private.ics` }, guarded, null, testNow);
    expect(result).toEqual({ ok: false, errors: { url: expect.stringMatching(/Could not read that calendar: .*(private|loopback|blocked|not allowed)/i) } });
    expect(await db().calendar.count()).toBe(0);
    expect(feeds.requests("/private.ics")).toEqual([]);
  });

  it("says what is wrong with an address that is not a calendar", async () => {
    const grace = await consultant();
    expect(await connectFeed(db(), grace.staff, grace.id, { label: "", url: "ftp://example.com/cal" }, settings, null, testNow)).toEqual({
      ok: false,
      errors: { label: expect.any(String), url: expect.stringContaining("https://") },
    });
    feeds.failWith("/missing.ics", 404);
    expect(await connectFeed(db(), grace.staff, grace.id, { label: "Work", url: `${feeds.url}/missing.ics` }, settings, null, testNow)).toEqual({
      ok: false,
      errors: { url: expect.stringContaining("404") },
    });
  });

  it("is only for the consultant and administrators to connect", async () => {
    const grace = await consultant();
    const other = await staffMember(db(), "STAFF");
    await expect(connectFeed(db(), other.staff, grace.id, { label: "Work", url: `${feeds.url}/x.ics` }, settings, null, testNow)).rejects.toThrow(/administrator/);
  });
});

describe("a consultant's CalDAV calendar", () => {
  it("reads recurring, all-day, other-zone and cancelled events into busy times", async () => {
    const grace = await consultant();
    await db().user.update({ where: { id: grace.id }, data: { timeZone: "America/New_York" } });
    const calendarUrl = await createRadicaleCalendar(radicale, "grace", PASSWORD, `mixed-${Date.now()}`, { displayName: "Mixed" });
    const put = (name: string, ...events: string[]) => putRadicaleEvent(calendarUrl, "grace", PASSWORD, `${name}.ics`, vcalendar(...events));
    // Weekly on Tuesdays 09:00-09:30 New York, one week skipped, one moved to 13:00.
    await put("standup", NEW_YORK,
      vevent("standup", "DTSTART;TZID=America/New_York:20261201T090000", "DTEND;TZID=America/New_York:20261201T093000", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=America/New_York:20261215T090000"),
      vevent("standup", "RECURRENCE-ID;TZID=America/New_York:20261208T090000", "DTSTART;TZID=America/New_York:20261208T130000", "DTEND;TZID=America/New_York:20261208T133000"));
    await put("holiday", vevent("holiday", "DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261211"));
    await put("berlin", BERLIN, vevent("berlin", "DTSTART;TZID=Europe/Berlin:20261209T170000", "DTEND;TZID=Europe/Berlin:20261209T180000"));
    await put("cancelled", vevent("cancelled", "STATUS:CANCELLED", "DTSTART:20261211T150000Z", "DTEND:20261211T160000Z"));
    await put("free", vevent("free", "TRANSP:TRANSPARENT", "DTSTART:20261211T170000Z", "DTEND:20261211T180000Z"));

    const connected = await connectCalDav(db(), grace.staff, grace.id, { label: "Mixed", serverUrl: `${radicale.url}/`, username: "grace", password: PASSWORD, calendarName: "Mixed" }, settings, null, testNow);
    expect(connected).toMatchObject({ ok: true });
    const busy = await db().busyInterval.findMany({ orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } });
    expect(busy.map(({ startsAt, endsAt }) => [startsAt.toISOString(), endsAt.toISOString()])).toEqual([
      ["2026-12-01T14:00:00.000Z", "2026-12-01T14:30:00.000Z"],
      ["2026-12-08T18:00:00.000Z", "2026-12-08T18:30:00.000Z"],
      ["2026-12-09T16:00:00.000Z", "2026-12-09T17:00:00.000Z"],
      ["2026-12-10T05:00:00.000Z", "2026-12-11T05:00:00.000Z"],
      ["2026-12-22T14:00:00.000Z", "2026-12-22T14:30:00.000Z"],
    ]);
    expect(await isOpen(new Date("2026-12-08T14:00:00Z"))).toBe(true);
    expect(await isOpen(new Date("2026-12-08T18:00:00Z"))).toBe(false);
    expect(await isOpen(new Date("2026-12-10T15:00:00Z"))).toBe(false);
    expect(await isOpen(new Date("2026-12-11T15:00:00Z"))).toBe(true);
  });


  it("blocks its events' times, and holds each call booked with them: written, moved and removed through the outbox", { timeout: 90_000 }, async () => {
    const grace = await consultant();
    const calendarUrl = await createRadicaleCalendar(radicale, "grace", PASSWORD, `work-${Date.now()}`, { displayName: "Work" });
    await putRadicaleEvent(calendarUrl, "grace", PASSWORD, "dentist.ics", vcalendar(vevent("dentist", "DTSTART:20261208T160000Z", "DTEND:20261208T170000Z")));

    const credentials = { serverUrl: `${radicale.url}/`, username: "grace", password: PASSWORD };
    const wrong = await connectCalDav(db(), grace.staff, grace.id, { label: "Fastmail", ...credentials, password: "nope", calendarName: "Work" }, settings, null, testNow);
    expect(wrong).toEqual({ ok: false, errors: { password: expect.stringContaining("refused") } });
    const connected = await connectCalDav(db(), grace.staff, grace.id, { label: "Fastmail", ...credentials, calendarName: "work" }, settings, null, testNow);
    expect(connected).toMatchObject({ ok: true, busyCount: 1 });
    const calendar = await db().calendar.findFirstOrThrow();
    expect(calendar).toMatchObject({ kind: "CALDAV", writeBookings: true, host: "127.0.0.1" });
    expect(calendar.secret).not.toContain(PASSWORD);
    expect(await isOpen(elevenAm)).toBe(false);

    const request = bookingRequest({ form: { slot: tenAm.toISOString() } });
    expect(await bookConsultation(db(), request, testSettings, testNow)).toMatchObject({ kind: "booked" });
    const lead = await db().lead.findUniqueOrThrow({ where: { formToken: request.formToken }, include: { booking: true } });
    const uid = `${lead.reference}@firm.example`;
    const deliver = calendarEventDelivery(db(), settings, organizer);
    const deliverOwed = async () => {
      const owed = await db().outboxMessage.findMany({ where: { kind: "CALENDAR_EVENT", status: "PENDING" } });
      for (const row of owed) {
        expect(await deliver({ id: row.id, kind: row.kind, attempts: 1 } as ClaimedMessage)).toMatchObject({ kind: "sent" });
        await db().outboxMessage.update({ where: { id: row.id }, data: { status: "SENT" } });
      }
      return owed.length;
    };
    const eventsInRadicale = async () => {
      const result = await fetchCalendarEvents(credentials, calendarUrl, { from: testNow, to: addDays(testNow, 30) }, null);
      if (!result.changed) throw new Error("asked for everything");
      return result.objects.flatMap((text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent")).map((event) => ({
        uid: event.getFirstPropertyValue("uid"),
        start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
        sequence: event.getFirstPropertyValue("sequence"),
      }));
    };

    expect(await deliverOwed()).toBe(1);
    expect(await eventsInRadicale()).toContainEqual({ uid, start: tenAm.toISOString(), sequence: 0 });

    const token = manageToken(testSettings.secret, lead.booking!.id);
    const later = addMinutes(tenAm, 180);
    expect(await moveBooking(db(), token, later, testSettings, testNow)).toMatchObject({ kind: "moved" });
    expect(await deliverOwed()).toBe(1);
    const afterMove = await eventsInRadicale();
    expect(afterMove.filter((event) => event.uid === uid)).toEqual([{ uid, start: later.toISOString(), sequence: 1 }]);

    expect(await cancelBooking(db(), token, testSettings, testNow)).toEqual({ kind: "cancelled" });
    expect(await deliverOwed()).toBe(1);
    expect((await eventsInRadicale()).map((event) => event.uid)).toEqual(["dentist"]);

    await removeCalendar(db(), grace.staff, calendar.id, null);
    expect(await db().busyInterval.count()).toBe(0);
    expect(await isOpen(elevenAm)).toBe(true);
  });
});

/** The feed server speaks http; a webcal:// address the person pasted is fetched as https, so point it back. */
function toHttp(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(/^https:/, "http:"), init);
}
