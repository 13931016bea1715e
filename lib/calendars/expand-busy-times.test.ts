import { describe, expect, it } from "vitest";
import { CalendarParseError, expandBusyTimes } from "./expand-busy-times";

/** Fixtures are indented to be read, iCalendar lines are not: a leading space would fold the line. */
const calendar = (body: string) => `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Busy times//EN
${body.split("\n").map((line) => line.trim()).filter(Boolean).join("\n")}
END:VCALENDAR
`;

type Window = { from?: string; to?: string; timeZone?: string; maxOccurrencesPerEvent?: number; warnings?: string[] };

/** The busy intervals as [start, end] in UTC, e.g. ["2027-03-01T15:00Z", "2027-03-01T16:00Z"]. */
function busy(sources: string | string[], window: Window = {}): string[][] {
  const { from = "2027-03-01T00:00Z", to = "2027-05-01T00:00Z", timeZone = "Europe/Berlin", maxOccurrencesPerEvent, warnings } = window;
  const intervals = expandBusyTimes(sources, {
    from: new Date(from),
    to: new Date(to),
    timeZone,
    maxOccurrencesPerEvent,
    onWarning: (warning) => warnings?.push(warning),
  });
  return intervals.map(({ startsAt, endsAt }) => [utc(startsAt), utc(endsAt)]);
}

const utc = (date: Date) => date.toISOString().replace(":00.000Z", "Z");

const newYorkVtimezone = (tzid: string) => `
BEGIN:VTIMEZONE
TZID:${tzid}
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE`;

/** Mondays 10:00–11:00 in `tzid` from 2027-03-01, four times: across the US change on 2027-03-14. */
const mondaysInNewYork = (tzid: string) => `
BEGIN:VEVENT
UID:standup@example.com
DTSTART;TZID=${tzid}:20270301T100000
DTEND;TZID=${tzid}:20270301T110000
RRULE:FREQ=WEEKLY;COUNT=4
END:VEVENT`;

const mondaysInNewYorkBusy = [
  ["2027-03-01T15:00Z", "2027-03-01T16:00Z"],
  ["2027-03-08T15:00Z", "2027-03-08T16:00Z"],
  ["2027-03-15T14:00Z", "2027-03-15T15:00Z"],
  ["2027-03-22T14:00Z", "2027-03-22T15:00Z"],
];

/** Mondays 10:00–11:00 Berlin from 2027-03-15, no VTIMEZONE: across the EU change on 2027-03-28. */
const mondaysInBerlin = (extraLines = "") => `
BEGIN:VEVENT
UID:weekly@example.com
DTSTART;TZID=Europe/Berlin:20270315T100000
DTEND;TZID=Europe/Berlin:20270315T110000
RRULE:FREQ=WEEKLY;COUNT=4
${extraLines.trim()}
END:VEVENT`;

const mondaysInBerlinBusy = {
  mar15: ["2027-03-15T09:00Z", "2027-03-15T10:00Z"],
  mar22: ["2027-03-22T09:00Z", "2027-03-22T10:00Z"],
  mar29: ["2027-03-29T08:00Z", "2027-03-29T09:00Z"],
  apr05: ["2027-04-05T08:00Z", "2027-04-05T09:00Z"],
};

const override = (recurrenceId: string, lines: string) => `
BEGIN:VEVENT
UID:weekly@example.com
RECURRENCE-ID;TZID=Europe/Berlin:${recurrenceId}
${lines.trim()}
END:VEVENT`;

let events = 0;
const event = (lines: string) => `
BEGIN:VEVENT
UID:event-${++events}@example.com
${lines.trim()}
END:VEVENT`;

describe("expandBusyTimes: time zones", () => {
  it("reads a TZID by its VTIMEZONE: 10:00 New York is 15:00Z before the US change and 14:00Z after", () => {
    const source = calendar(newYorkVtimezone("America/New_York") + mondaysInNewYork("America/New_York"));
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual(mondaysInNewYorkBusy);
  });

  it("uses the VTIMEZONE even when its TZID is no zone name (Outlook's custom zones)", () => {
    const source = calendar(newYorkVtimezone("Customized Time Zone") + mondaysInNewYork("Customized Time Zone"));
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual(mondaysInNewYorkBusy);
  });

  it("reads an IANA TZID without VTIMEZONE in that zone: 10:00 Berlin is 09:00Z before the EU change and 08:00Z after", () => {
    const { mar15, mar22, mar29, apr05 } = mondaysInBerlinBusy;
    expect(busy(calendar(mondaysInBerlin()), { timeZone: "America/New_York" })).toEqual([mar15, mar22, mar29, apr05]);
  });

  it("reads a Windows zone name without VTIMEZONE", () => {
    expect(busy(calendar(mondaysInNewYork("Eastern Standard Time")), { timeZone: "Europe/Berlin" })).toEqual(mondaysInNewYorkBusy);
  });

  it("reads a vendor-prefixed TZID and a Windows display name without VTIMEZONE", () => {
    const source = calendar(`
      ${event("DTSTART;TZID=/mozilla.org/20050126_1/Europe/London:20270701T100000\nDURATION:PT1H")}
      ${event('DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20270702T100000\nDURATION:PT1H')}
    `);
    expect(busy(source, { to: "2027-08-01T00:00Z", timeZone: "Asia/Tokyo" })).toEqual([
      ["2027-07-01T09:00Z", "2027-07-01T10:00Z"],
      ["2027-07-02T08:00Z", "2027-07-02T09:00Z"],
    ]);
  });

  it("reads a TZID it cannot resolve in the consultant's zone", () => {
    const source = calendar(event("DTSTART;TZID=Mars/Olympus_Mons:20270310T100000\nDURATION:PT1H"));
    expect(busy(source, { timeZone: "Asia/Tokyo" })).toEqual([["2027-03-10T01:00Z", "2027-03-10T02:00Z"]]);
  });

  it("reads floating times in the consultant's zone, keeping the wall-clock time across DST", () => {
    const source = calendar(event("DTSTART:20270310T090000\nDTEND:20270310T100000\nRRULE:FREQ=WEEKLY;COUNT=2"));
    expect(busy(source, { timeZone: "America/Los_Angeles" })).toEqual([
      ["2027-03-10T17:00Z", "2027-03-10T18:00Z"],
      ["2027-03-17T16:00Z", "2027-03-17T17:00Z"],
    ]);
  });

  it("reads UTC times as they are, whatever the consultant's zone", () => {
    const source = calendar(event("DTSTART:20270310T120000Z\nDTEND:20270310T133000Z"));
    expect(busy(source, { timeZone: "Pacific/Auckland" })).toEqual([["2027-03-10T12:00Z", "2027-03-10T13:30Z"]]);
  });

  it("reads DTEND in its own zone: a flight from New York to Berlin lasts the time that elapses", () => {
    const source = calendar(event("DTSTART;TZID=America/New_York:20270310T180000\nDTEND;TZID=Europe/Berlin:20270311T080000"));
    expect(busy(source)).toEqual([["2027-03-10T23:00Z", "2027-03-11T07:00Z"]]);
  });

  it("counts the days of a DURATION on the calendar: P1D from noon on the EU change is 23 hours", () => {
    const source = calendar(event("DTSTART;TZID=Europe/Berlin:20270327T120000\nDURATION:P1D"));
    expect(busy(source)).toEqual([["2027-03-27T11:00Z", "2027-03-28T10:00Z"]]);
  });
});

describe("expandBusyTimes: all-day events", () => {
  it("blocks an all-day event from midnight to midnight in the consultant's zone", () => {
    const source = calendar(event("DTSTART;VALUE=DATE:20270310"));
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual([["2027-03-09T23:00Z", "2027-03-10T23:00Z"]]);
    expect(busy(source, { timeZone: "America/New_York" })).toEqual([["2027-03-10T05:00Z", "2027-03-11T05:00Z"]]);
  });

  it("blocks a multi-day event until midnight before its DTEND date, across a DST change too", () => {
    const source = calendar(`
      ${event("DTSTART;VALUE=DATE:20270315\nDTEND;VALUE=DATE:20270318")}
      ${event("DTSTART;VALUE=DATE:20270327\nDTEND;VALUE=DATE:20270330")}
    `);
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual([
      ["2027-03-14T23:00Z", "2027-03-17T23:00Z"],
      ["2027-03-26T23:00Z", "2027-03-29T22:00Z"],
    ]);
  });

  it("blocks 23 hours on the spring-forward day", () => {
    const source = calendar(event("DTSTART;VALUE=DATE:20270328\nDTEND;VALUE=DATE:20270329"));
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual([["2027-03-27T23:00Z", "2027-03-28T22:00Z"]]);
  });

  it("repeats all-day events on their dates", () => {
    const source = calendar(event("DTSTART;VALUE=DATE:20270321\nRRULE:FREQ=WEEKLY;COUNT=2"));
    expect(busy(source, { timeZone: "Europe/Berlin" })).toEqual([
      ["2027-03-20T23:00Z", "2027-03-21T23:00Z"],
      ["2027-03-27T23:00Z", "2027-03-28T22:00Z"],
    ]);
  });
});

describe("expandBusyTimes: recurrence", () => {
  it("stops after COUNT occurrences", () => {
    const source = calendar(event("DTSTART:20270301T120000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=3"));
    expect(busy(source)).toEqual([
      ["2027-03-01T12:00Z", "2027-03-01T12:30Z"],
      ["2027-03-02T12:00Z", "2027-03-02T12:30Z"],
      ["2027-03-03T12:00Z", "2027-03-03T12:30Z"],
    ]);
  });

  it("stops at UNTIL, including an occurrence at UNTIL written in UTC for a TZID without VTIMEZONE", () => {
    const { mar15, mar22, mar29 } = mondaysInBerlinBusy;
    const berlin = calendar(mondaysInBerlin().replace("COUNT=4", "UNTIL=20270329T080000Z"));
    expect(busy(berlin)).toEqual([mar15, mar22, mar29]);
    const utcSeries = calendar(event("DTSTART:20270301T120000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20270302T235959Z"));
    expect(busy(utcSeries)).toEqual([
      ["2027-03-01T12:00Z", "2027-03-01T13:00Z"],
      ["2027-03-02T12:00Z", "2027-03-02T13:00Z"],
    ]);
  });

  it("keeps DTSTART as the first occurrence, which ical.js drops with RDATE only or a RRULE it does not match", () => {
    const source = calendar(`
      ${event("DTSTART:20270301T120000Z\nDURATION:PT1H\nRDATE:20270303T120000Z,20270305T150000Z")}
      ${event("DTSTART:20270310T120000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2")}
    `);
    expect(busy(source)).toEqual([
      ["2027-03-01T12:00Z", "2027-03-01T13:00Z"],
      ["2027-03-03T12:00Z", "2027-03-03T13:00Z"],
      ["2027-03-05T15:00Z", "2027-03-05T16:00Z"],
      ["2027-03-10T12:00Z", "2027-03-10T13:00Z"],
      ["2027-03-15T12:00Z", "2027-03-15T13:00Z"],
      ["2027-03-22T12:00Z", "2027-03-22T13:00Z"],
    ]);
  });

  it("blocks an RDATE period for its own length", () => {
    const source = calendar(event("DTSTART:20270301T120000Z\nDURATION:PT1H\nRDATE;VALUE=PERIOD:20270302T080000Z/PT3H"));
    expect(busy(source)).toEqual([
      ["2027-03-01T12:00Z", "2027-03-01T13:00Z"],
      ["2027-03-02T08:00Z", "2027-03-02T11:00Z"],
    ]);
  });

  it("leaves out the occurrences at an EXDATE, in the event's zone or in UTC", () => {
    const { mar15, mar29 } = mondaysInBerlinBusy;
    const source = calendar(mondaysInBerlin("EXDATE;TZID=Europe/Berlin:20270322T100000\nEXDATE:20270405T080000Z"));
    expect(busy(source)).toEqual([mar15, mar29]);
  });

  it("moves an occurrence to the time of its override: the original time is free, the new one busy", () => {
    const { mar15, mar29, apr05 } = mondaysInBerlinBusy;
    const moved = override("20270322T100000", "DTSTART;TZID=Europe/Berlin:20270323T150000\nDTEND;TZID=Europe/Berlin:20270323T160000");
    expect(busy(calendar(mondaysInBerlin() + moved))).toEqual([mar15, ["2027-03-23T14:00Z", "2027-03-23T15:00Z"], mar29, apr05]);
  });

  it("removes the occurrence of a cancelled override", () => {
    const { mar15, mar22, apr05 } = mondaysInBerlinBusy;
    const cancelled = override("20270329T100000", "DTSTART;TZID=Europe/Berlin:20270329T100000\nDURATION:PT1H\nSTATUS:CANCELLED");
    expect(busy(calendar(mondaysInBerlin() + cancelled))).toEqual([mar15, mar22, apr05]);
  });

  it("applies overrides delivered in another source, as a CalDAV server may", () => {
    const { mar15, apr05 } = mondaysInBerlinBusy;
    const moved = override("20270322T100000", "DTSTART;TZID=Europe/Berlin:20270323T150000\nDURATION:PT1H");
    const cancelled = override("20270329T100000", "DTSTART;TZID=Europe/Berlin:20270329T100000\nSTATUS:CANCELLED");
    expect(busy([calendar(mondaysInBerlin()), calendar(moved + cancelled)])).toEqual([mar15, ["2027-03-23T14:00Z", "2027-03-23T15:00Z"], apr05]);
  });

  it("applies an override to its own UID only", () => {
    const series = (uid: string) => `BEGIN:VEVENT\nUID:${uid}\nDTSTART:20270315T120000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT`;
    const moved = "BEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20270322T120000Z\nDTSTART:20270323T120000Z\nDURATION:PT1H\nEND:VEVENT";
    expect(busy(calendar([series("a"), series("b"), moved].join("\n")))).toEqual([
      ["2027-03-15T12:00Z", "2027-03-15T13:00Z"],
      ["2027-03-22T12:00Z", "2027-03-22T13:00Z"],
      ["2027-03-23T12:00Z", "2027-03-23T13:00Z"],
    ]);
  });

  it("blocks an override without its master, and one moved into the window from after it", () => {
    const source = calendar(`
      BEGIN:VEVENT
      UID:one-instance-invitation
      RECURRENCE-ID:20270301T090000Z
      DTSTART:20270310T090000Z
      DURATION:PT1H
      END:VEVENT
      BEGIN:VEVENT
      UID:later-series
      DTSTART:20270405T090000Z
      DURATION:PT1H
      RRULE:FREQ=WEEKLY;COUNT=2
      END:VEVENT
      BEGIN:VEVENT
      UID:later-series
      RECURRENCE-ID:20270412T090000Z
      DTSTART:20270331T090000Z
      DURATION:PT1H
      END:VEVENT
    `);
    expect(busy(source, { to: "2027-04-01T00:00Z" })).toEqual([
      ["2027-03-10T09:00Z", "2027-03-10T10:00Z"],
      ["2027-03-31T09:00Z", "2027-03-31T10:00Z"],
    ]);
  });
});

describe("expandBusyTimes: what is busy", () => {
  it("skips transparent (free) and cancelled events, and counts tentative and confirmed ones", () => {
    const source = calendar(`
      ${event("DTSTART:20270310T080000Z\nDURATION:PT1H\nTRANSP:TRANSPARENT")}
      ${event("DTSTART:20270310T090000Z\nDURATION:PT1H\nSTATUS:CANCELLED")}
      ${event("DTSTART:20270310T100000Z\nDURATION:PT1H\nSTATUS:TENTATIVE")}
      ${event("DTSTART:20270310T120000Z\nDURATION:PT1H\nSTATUS:CONFIRMED\nTRANSP:OPAQUE")}
      ${event("DTSTART:20270310T140000Z\nDURATION:PT1H\nSTATUS:cancelled")}
      ${event("DTSTART:20270311T080000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5\nTRANSP:TRANSPARENT")}
    `);
    expect(busy(source)).toEqual([
      ["2027-03-10T10:00Z", "2027-03-10T11:00Z"],
      ["2027-03-10T12:00Z", "2027-03-10T13:00Z"],
    ]);
  });

  it("counts only VEVENTs", () => {
    const source = calendar(`
      BEGIN:VTODO
      UID:todo
      DTSTART:20270310T080000Z
      DUE:20270310T090000Z
      END:VTODO
      BEGIN:VJOURNAL
      UID:journal
      DTSTART:20270310T090000Z
      END:VJOURNAL
      BEGIN:VFREEBUSY
      UID:freebusy
      FREEBUSY:20270310T100000Z/PT1H
      END:VFREEBUSY
      BEGIN:VEVENT
      UID:event
      DTSTART:20270310T120000Z
      DURATION:PT1H
      END:VEVENT
    `);
    expect(busy(source)).toEqual([["2027-03-10T12:00Z", "2027-03-10T13:00Z"]]);
  });

  it("blocks nothing for a date-time DTSTART without DTEND or DURATION", () => {
    expect(busy(calendar(event("DTSTART:20270310T100000Z")))).toEqual([]);
  });

  it("returns the intervals that overlap the window, whole", () => {
    const source = calendar(`
      ${event("DTSTART:20270309T100000Z\nDTEND:20270309T110000Z")}
      ${event("DTSTART:20270309T230000Z\nDTEND:20270310T000000Z")}
      ${event("DTSTART:20270309T220000Z\nDTEND:20270310T020000Z")}
      ${event("DTSTART:20270310T230000Z\nDTEND:20270311T010000Z")}
      ${event("DTSTART:20270311T000000Z\nDTEND:20270311T010000Z")}
      ${event("DTSTART:20270301T120000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY")}
    `);
    expect(busy(source, { from: "2027-03-10T00:00Z", to: "2027-03-11T00:00Z" })).toEqual([
      ["2027-03-09T22:00Z", "2027-03-10T02:00Z"],
      ["2027-03-10T12:00Z", "2027-03-10T13:00Z"],
      ["2027-03-10T23:00Z", "2027-03-11T01:00Z"],
    ]);
  });

  it("merges overlapping and touching intervals, also the same event from two calendars", () => {
    const shared = "BEGIN:VEVENT\nUID:shared\nDTSTART:20270310T160000Z\nDTEND:20270310T170000Z\nEND:VEVENT";
    const work = calendar(`
      ${event("DTSTART:20270310T100000Z\nDTEND:20270310T110000Z")}
      ${event("DTSTART:20270310T103000Z\nDTEND:20270310T120000Z")}
      ${event("DTSTART:20270310T120000Z\nDTEND:20270310T130000Z")}
      ${event("DTSTART:20270310T140000Z\nDTEND:20270310T150000Z")}
      ${event("DTSTART:20270310T141500Z\nDTEND:20270310T144500Z")}
      ${shared}
    `);
    expect(busy([work, calendar(shared)])).toEqual([
      ["2027-03-10T10:00Z", "2027-03-10T13:00Z"],
      ["2027-03-10T14:00Z", "2027-03-10T15:00Z"],
      ["2027-03-10T16:00Z", "2027-03-10T17:00Z"],
    ]);
  });
});

describe("expandBusyTimes: long, hostile and malformed input", () => {
  const dailySince2015 = calendar(event("DTSTART;TZID=Europe/Berlin:20150101T090000\nDTEND;TZID=Europe/Berlin:20150101T100000\nRRULE:FREQ=DAILY"));
  const window = { from: "2027-03-01T00:00Z", to: "2027-04-30T00:00Z" };

  it("expands a daily series running since 2015 into a 60-day window without walking all of it", () => {
    const started = performance.now();
    const result = busy(dailySince2015, window);
    console.info(`daily series since 2015, 60-day window: ${(performance.now() - started).toFixed(1)} ms`);

    // 09:00 Berlin is 08:00Z until the EU change on 2027-03-28 (the 28th day), then 07:00Z.
    const expected = Array.from({ length: 60 }, (_, day) => {
      const startsAt = new Date(Date.UTC(2027, 2, 1 + day, day < 27 ? 8 : 7));
      return [utc(startsAt), utc(new Date(startsAt.getTime() + 3_600_000))];
    });
    expect(result).toEqual(expected);
    // Thousands of days lie between 2015 and the window: with 100 steps it must have skipped them.
    expect(busy(dailySince2015, { ...window, maxOccurrencesPerEvent: 100 })).toEqual(expected);
  });

  it.each([
    ["every third day in March and April, Berlin", "DTSTART;TZID=Europe/Berlin:20150102T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;INTERVAL=3;BYMONTH=3,4"],
    ["Mondays, Wednesdays and Fridays every other week, New York", "DTSTART;TZID=America/New_York:20150107T170000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR"],
    ["Tuesdays and Thursdays from a Sunday DTSTART, UTC", "DTSTART:20150104T100000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU"],
    ["weekdays until a date in the window, floating", "DTSTART:20150105T080000\nDURATION:PT30M\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270320T000000Z"],
    ["all day every other week", "DTSTART;VALUE=DATE:20150103\nRRULE:FREQ=WEEKLY;INTERVAL=2"],
    ["every third week at 23:00 for 3 hours, by VTIMEZONE", "DTSTART;TZID=Customized Time Zone:20150105T230000\nDURATION:PT3H\nRRULE:FREQ=WEEKLY;INTERVAL=3"],
  ])("skipping ahead finds what walking from DTSTART finds: %s", (_, lines) => {
    const source = calendar(newYorkVtimezone("Customized Time Zone") + event(lines));
    const walked = busy(source, { from: "2014-12-01T00:00Z", to: window.to }).filter(([, end]) => end! > window.from);
    expect(walked.length).toBeGreaterThanOrEqual(3);
    expect(busy(source, window)).toEqual(walked);
  });

  it("stops a rule without end after 50,000 occurrences instead of hanging", () => {
    const warnings: string[] = [];
    const everySecond = calendar(event("DTSTART:20270301T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY"));
    expect(busy(everySecond, { ...window, warnings })).toEqual([["2027-03-01T00:00Z", "2027-03-01T13:53:20.000Z"]]);
    expect(warnings).toEqual([expect.stringContaining("after 50000 occurrences")]);
  });

  it.each([
    ["text that is no iCalendar", "Hello, world"],
    ["an empty text", ""],
    ["an HTML login page", "<!DOCTYPE html>\n<html><body>Please sign in</body></html>"],
    ["a calendar that does not end", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270310T100000Z\n"],
    ["a vCard", "BEGIN:VCARD\nVERSION:4.0\nFN:Ada Lovelace\nEND:VCARD"],
    ["a calendar with a bad line outside its events", "BEGIN:VCALENDAR\nX-BROKEN;PARAM:value\nEND:VCALENDAR"],
  ])("rejects %s with a CalendarParseError", (_, source) => {
    expect(() => busy(source)).toThrow(CalendarParseError);
    expect(() => busy([calendar(event("DTSTART:20270310T100000Z\nDURATION:PT1H")), source])).toThrow(CalendarParseError);
    try {
      busy(source);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it("skips a bad event and keeps the good ones", () => {
    const warnings: string[] = [];
    const source = calendar(`
      ${event("DTSTART:20270310T100000Z\nDURATION:PT1H")}
      ${event("SUMMARY:No start\nDURATION:PT1H")}
      ${event("DTSTART:tomorrow\nDURATION:PT1H")}
      ${event("DTSTART:20270310T120000Z\nDURATION:about an hour")}
      ${event("DTSTART:20270310T130000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=lots")}
      ${event("DTSTART:20270310T150000Z\nDURATION:PT1H")}
    `);
    expect(busy(source, { warnings })).toEqual([
      ["2027-03-10T10:00Z", "2027-03-10T11:00Z"],
      ["2027-03-10T15:00Z", "2027-03-10T16:00Z"],
    ]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^Skipped 1 event\(s\) that could not be parsed/);
  });

  it("accepts CRLF line ends, a byte order mark and several calendars in one text", () => {
    const source = `\uFEFF${calendar(event("DTSTART:20270310T100000Z\nDURATION:PT1H"))}${calendar(event("DTSTART:20270311T100000Z\nDURATION:PT1H"))}`;
    expect(busy(source.replace(/\n/g, "\r\n"))).toEqual([
      ["2027-03-10T10:00Z", "2027-03-10T11:00Z"],
      ["2027-03-11T10:00Z", "2027-03-11T11:00Z"],
    ]);
  });

  it("rejects a consultant zone or window that is no zone or date", () => {
    expect(() => busy(calendar(""), { timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
    expect(() => busy(calendar(""), { from: "soon" })).toThrow(RangeError);
  });
});
