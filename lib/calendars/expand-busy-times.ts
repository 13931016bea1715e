import ICAL from "ical.js";
import { occurrencesOf, replacedInstant, singleOccurrence, type Expansion, type Interval } from "./event-occurrences";
import { isKnownTimeZone } from "./resolve-tzid";

export type BusyInterval = { startsAt: Date; endsAt: Date };

/** A source that is not iCalendar text at all, or that ical.js cannot parse. */
export class CalendarParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CalendarParseError";
  }
}

export type ExpandBusyTimesOptions = {
  from: Date;
  to: Date;
  /** The consultant's IANA zone: for floating times, all-day events, and a TZID that cannot be resolved. */
  timeZone: string;
  /** Occurrences of one event expanded at most, so a hostile feed cannot hang the worker. Default 50,000. */
  maxOccurrencesPerEvent?: number;
  /** Told about each event skipped as invalid, and each series cut short by the cap. */
  onWarning?: (warning: string) => void;
};

/** A master event (plain, or with RRULE/RDATE) and the overridden instances (RECURRENCE-ID) of one UID. */
type Series = { masters: ICAL.Component[]; overrides: ICAL.Component[] };

/**
 * The busy time in `sources` (each a whole VCALENDAR text: one feed, or one CalDAV object) that
 * overlaps [from, to), sorted and merged (overlapping or touching intervals joined). Intervals are
 * returned whole, not clipped to the window.
 *
 * Cancelled and transparent ("free") events block nothing. An overridden instance replaces its
 * occurrence wherever it moves it, and a cancelled one removes it; one with RANGE=THISANDFUTURE
 * is read as overriding its own instance only. Throws CalendarParseError for a source that is not
 * iCalendar; an invalid event in a good source is skipped (and reported to `onWarning`).
 */
export function expandBusyTimes(sources: string | readonly string[], options: ExpandBusyTimesOptions): BusyInterval[] {
  const from = options.from.getTime();
  const to = options.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError("from and to must be valid dates");
  if (!isKnownTimeZone(options.timeZone)) throw new RangeError(`Not a time zone: "${options.timeZone}"`);
  const warn = options.onWarning ?? (() => {});
  const expansion: Expansion = { from, to, timeZone: options.timeZone, maxOccurrences: options.maxOccurrencesPerEvent ?? 50_000, warn };

  const events = (typeof sources === "string" ? [sources] : sources)
    .flatMap((source) => parseCalendars(source, warn))
    .flatMap((calendar) => calendar.getAllSubcomponents("vevent"));
  const intervals = [...seriesByUid(events).values()].flatMap((series) => busyTimeOf(series, expansion));
  return merge(intervals.filter(({ start, end }) => end > start && start < to && end > from)).map(({ start, end }) => ({
    startsAt: new Date(start),
    endsAt: new Date(end),
  }));
}

function parseCalendars(source: string, warn: (warning: string) => void): ICAL.Component[] {
  const text = source.replace(/^\uFEFF/, "");
  let jCal: unknown;
  try {
    jCal = ICAL.parse(text);
  } catch (error) {
    jCal = parseWithoutBrokenEvents(text, error, warn);
  }
  // One calendar parses to one jCal array, several to an array of them.
  const roots: unknown[] = Array.isArray(jCal) && typeof jCal[0] === "string" ? [jCal] : Array.isArray(jCal) ? jCal : [];
  const calendars = roots.map((root) => new ICAL.Component(root as unknown[]));
  if (calendars.length === 0 || calendars.some((calendar) => calendar.name !== "vcalendar")) {
    throw new CalendarParseError("Not an iCalendar calendar: no VCALENDAR");
  }
  return calendars;
}

/**
 * ical.js rejects a whole text for one bad value in one event (RRULE:FREQ=DAILY;COUNT=x): parse it
 * again without the events that do not parse on their own. Throws if that does not help.
 */
function parseWithoutBrokenEvents(text: string, error: unknown, warn: (warning: string) => void): unknown {
  const kept: string[] = [];
  let event: string[] | undefined;
  let dropped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (event) {
      event.push(line);
      if (/^END:VEVENT\s*$/i.test(line)) {
        if (parses(["BEGIN:VCALENDAR", ...event, "END:VCALENDAR"])) kept.push(...event);
        else dropped++;
        event = undefined;
      }
    } else if (/^BEGIN:VEVENT\s*$/i.test(line)) event = [line];
    else kept.push(line);
  }
  kept.push(...(event ?? []));
  const message = error instanceof Error ? error.message : String(error);
  if (dropped > 0 && parses(kept)) {
    warn(`Skipped ${dropped} event(s) that could not be parsed: ${message}`);
    return ICAL.parse(kept.join("\r\n"));
  }
  throw new CalendarParseError(`Not valid iCalendar: ${message.slice(0, 120)}`, { cause: error });
}

function parses(lines: string[]): boolean {
  try {
    ICAL.parse(lines.join("\r\n"));
    return true;
  } catch {
    return false;
  }
}

/** CalDAV sends one object per UID and a feed one file for all, so overrides are matched across sources. */
function seriesByUid(events: ICAL.Component[]): Map<unknown, Series> {
  const series = new Map<unknown, Series>();
  for (const event of events) {
    const uid = event.getFirstPropertyValue("uid");
    const key = typeof uid === "string" && uid !== "" ? uid : event;
    const entry = series.get(key) ?? { masters: [], overrides: [] };
    (event.hasProperty("recurrence-id") ? entry.overrides : entry.masters).push(event);
    series.set(key, entry);
  }
  return series;
}

function busyTimeOf({ masters, overrides }: Series, expansion: Expansion): Interval[] {
  const intervals: Interval[] = [];
  const replaced = new Set<number>();
  for (const override of overrides) {
    unlessInvalid(override, expansion.warn, () => {
      const occurrence = isBusy(override) ? singleOccurrence(override, expansion.timeZone) : undefined;
      replaced.add(replacedInstant(override, expansion.timeZone));
      if (occurrence) intervals.push(occurrence);
    });
  }
  for (const master of masters.filter(isBusy)) {
    unlessInvalid(master, expansion.warn, () => intervals.push(...occurrencesOf(master, replaced, expansion)));
  }
  return intervals;
}

function isBusy(event: ICAL.Component): boolean {
  const valueOf = (name: string) => String(event.getFirstPropertyValue(name) ?? "").trim().toUpperCase();
  return valueOf("status") !== "CANCELLED" && valueOf("transp") !== "TRANSPARENT";
}

function unlessInvalid(event: ICAL.Component, warn: (warning: string) => void, work: () => void): void {
  try {
    work();
  } catch (error) {
    const uid = event.getFirstPropertyValue("uid") ?? "without UID";
    warn(`Skipped event ${String(uid)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function merge(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
