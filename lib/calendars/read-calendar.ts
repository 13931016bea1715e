import { fetchCalendarEvents } from "./caldav-calendar";
import type { CalendarSource } from "./calendar-source";
import { expandBusyTimes, type BusyInterval } from "./expand-busy-times";

export type CalendarReading =
  /** The version we hold is current: the busy times stored from it stand. */
  | { changed: false }
  | { changed: true; version: string | null; busy: BusyInterval[] };

export class CalendarReadError extends Error {
  name = "CalendarReadError";
}

/**
 * The calendar's busy times in the window, or word that nothing changed since `version` (one small
 * request: a feed's If-None-Match, a CalDAV collection's sync token or ctag). `version` null asks
 * for everything.
 */
export async function readCalendar(
  source: CalendarSource,
  version: string | null,
  window: { from: Date; to: Date; timeZone: string },
  fetch: typeof globalThis.fetch,
): Promise<CalendarReading> {
  if (source.kind === "CALDAV") {
    const result = await fetchCalendarEvents(source, source.calendarUrl, window, version, fetch);
    if (!result.changed) return result;
    return { changed: true, version: result.version, busy: expandEach(result.objects, window) };
  }
  const response = await fetch(source.url, {
    headers: { accept: "text/calendar, */*;q=0.5", ...(version ? { "if-none-match": version } : {}) },
  });
  if (response.status === 304) return { changed: false };
  if (!response.ok) throw new CalendarReadError(`the feed answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  const body = await response.text();
  if (!/BEGIN:VCALENDAR/i.test(body)) throw new CalendarReadError("the address did not return an iCalendar feed (no BEGIN:VCALENDAR)");
  return { changed: true, version: response.headers.get("etag"), busy: expandBusyTimes(body, window) };
}

/** CalDAV objects one by one (each holds one event and its overrides): one the parser cannot read costs only itself. */
function expandEach(objects: string[], window: { from: Date; to: Date; timeZone: string }): BusyInterval[] {
  let unreadable = 0;
  const busy = objects.flatMap((object) => {
    try {
      return expandBusyTimes(object, window);
    } catch {
      unreadable += 1;
      return [];
    }
  });
  if (objects.length > 0 && unreadable === objects.length) throw new CalendarReadError("none of the calendar's events could be read");
  return busy.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
