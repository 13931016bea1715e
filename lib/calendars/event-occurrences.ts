import ICAL from "ical.js";
import { resolveTzid } from "./resolve-tzid";
import { wallClockAt, wallClockToInstant } from "./wall-clock";

/** A span of time in ms since the epoch, the end excluded. */
export type Interval = { start: number; end: number };

export type Expansion = {
  from: number;
  to: number;
  /** The consultant's zone: for floating times, all-day events, and a TZID that cannot be resolved. */
  timeZone: string;
  maxOccurrences: number;
  warn: (warning: string) => void;
};

/** A DATE or DATE-TIME value as ical.js parsed it, and the TZID it was written with. */
type ZonedTime = { time: ICAL.Time; tzid: string | undefined };

/** How long each occurrence lasts: `days` on the calendar (23 h on a spring-forward day), then `ms` elapsed. */
type OccurrenceLength = { days: number; ms: number };

const DAY_MS = 86_400_000;

/** The event's one interval, ignoring any recurrence: a plain event, or an overridden instance. */
export function singleOccurrence(event: ICAL.Component, timeZone: string): Interval {
  const start = requiredStart(event);
  const startsAt = toInstant(start, timeZone);
  return { start: startsAt, end: occurrenceEnd(start, startsAt, occurrenceLength(event, start, timeZone), timeZone) };
}

/** The instant of the occurrence an overridden instance (a VEVENT with RECURRENCE-ID) replaces. */
export function replacedInstant(override: ICAL.Component, timeZone: string): number {
  const recurrenceId = timeProperty(override, "recurrence-id");
  if (!recurrenceId) throw new Error("no RECURRENCE-ID");
  return toInstant(recurrenceId, timeZone);
}

/**
 * The occurrences of a master event that start before `expansion.to`, except those at an instant
 * in `replaced` (by overrides) or in its EXDATEs. Stops after `expansion.maxOccurrences`.
 */
export function occurrencesOf(master: ICAL.Component, replaced: ReadonlySet<number>, expansion: Expansion): Interval[] {
  const { timeZone } = expansion;
  // Overrides are matched by instant instead: left to itself, ical.js relates every RECURRENCE-ID
  // of the calendar to this event whatever its UID, and matches them by wall-clock text.
  const event = new ICAL.Event(master, { exceptions: [] });
  if (!event.isRecurring()) return [singleOccurrence(master, timeZone)];

  const start = requiredStart(master);
  const length = occurrenceLength(master, start, timeZone);
  const excluded = new Set([...replaced, ...excludedInstants(master, timeZone)]);
  const occurrenceAt = (time: ICAL.Time): Interval => {
    const startsAt = toInstant({ time, tzid: start.tzid }, timeZone);
    return { start: startsAt, end: occurrenceEnd({ time, tzid: start.tzid }, startsAt, length, timeZone) };
  };
  alignUntilWithFloatingStart(master, start, timeZone);
  const iterator = event.iterator(laterStart(master, start, length, expansion));

  // DTSTART is the first occurrence (RFC 5545), but ical.js leaves it out when there is only RDATE,
  // or when it does not match the RRULE. Where ical.js does yield it, the two copies merge later.
  const intervals: Interval[] = [occurrenceAt(start.time)];
  for (let count = 0; ; count++) {
    if (count === expansion.maxOccurrences) {
      expansion.warn(`Stopped expanding event ${event.uid} after ${count} occurrences`);
      break;
    }
    const next: ICAL.Time | ICAL.Period | undefined = iterator.next();
    if (!next) break;
    // An RDATE may be a PERIOD, with an end of its own.
    const occurrence = next instanceof ICAL.Period ? periodInterval(next, start.tzid, timeZone) : occurrenceAt(next);
    if (occurrence.start >= expansion.to) break;
    intervals.push(occurrence);
  }
  return intervals.filter((occurrence) => !excluded.has(occurrence.start));
}

function periodInterval(period: ICAL.Period, tzid: string | undefined, timeZone: string): Interval {
  return { start: toInstant({ time: period.start, tzid }, timeZone), end: toInstant({ time: period.getEnd(), tzid }, timeZone) };
}

function timeProperty(event: ICAL.Component, name: string): ZonedTime | undefined {
  const property = event.getFirstProperty(name);
  if (!property) return undefined;
  const time = property.getFirstValue();
  if (!(time instanceof ICAL.Time)) throw new Error(`${name.toUpperCase()} is not a date or date-time`);
  return { time, tzid: tzidOf(property) };
}

function requiredStart(event: ICAL.Component): ZonedTime {
  const start = timeProperty(event, "dtstart");
  if (!start) throw new Error("no DTSTART");
  return start;
}

function tzidOf(property: ICAL.Property): string | undefined {
  const tzid: unknown = property.getFirstParameter("tzid");
  return typeof tzid === "string" && tzid !== "" ? tzid : undefined;
}

function toInstant({ time, tzid }: ZonedTime, timeZone: string): number {
  if (time.isDate) return wallClockToInstant({ year: time.year, month: time.month, day: time.day, hour: 0, minute: 0, second: 0 }, timeZone);
  // UTC, or a TZID whose VTIMEZONE ical.js found in the same calendar.
  if (time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  // Floating, or a TZID without its VTIMEZONE, which ical.js then treats as floating.
  return wallClockToInstant(time, wallClockZone(tzid, timeZone));
}

function wallClockZone(tzid: string | undefined, timeZone: string): string {
  return (tzid ? resolveTzid(tzid) : undefined) ?? timeZone;
}

function occurrenceLength(event: ICAL.Component, start: ZonedTime, timeZone: string): OccurrenceLength {
  const end = timeProperty(event, "dtend");
  if (end && start.time.isDate && end.time.isDate) return { days: daysBetween(start.time, end.time), ms: 0 };
  // DTEND and DTSTART may be in different zones: the length is the time that elapses between them.
  if (end) return { days: 0, ms: toInstant(end, timeZone) - toInstant(start, timeZone) };
  const duration = event.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration) {
    // RFC 5545: the weeks and days of a DURATION are calendar days, the rest elapsed time.
    const sign = duration.isNegative ? -1 : 1;
    const seconds = (duration.hours * 60 + duration.minutes) * 60 + duration.seconds;
    return { days: sign * (duration.weeks * 7 + duration.days), ms: sign * seconds * 1000 };
  }
  // Without DTEND or DURATION a date lasts the day, and a date-time is a moment that blocks nothing.
  return { days: start.time.isDate ? 1 : 0, ms: 0 };
}

function daysBetween(start: ICAL.Time, end: ICAL.Time): number {
  return Math.round((Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS);
}

function occurrenceEnd(start: ZonedTime, startsAt: number, length: OccurrenceLength, timeZone: string): number {
  if (length.days === 0) return startsAt + length.ms;
  const sameTimeDaysLater = start.time.clone();
  sameTimeDaysLater.adjust(length.days, 0, 0, 0);
  return toInstant({ time: sameTimeDaysLater, tzid: start.tzid }, timeZone) + length.ms;
}

/** EXDATEs as instants: ical.js compares them as it holds them, floating for a TZID without VTIMEZONE. */
function excludedInstants(master: ICAL.Component, timeZone: string): number[] {
  return master.getAllProperties("exdate").flatMap((property) => {
    const tzid = tzidOf(property);
    return property.getValues().map((time: ICAL.Time) => toInstant({ time, tzid }, timeZone));
  });
}

/**
 * ical.js compares UNTIL with occurrences as it holds them: floating, for a TZID it has no VTIMEZONE
 * for. An UNTIL in UTC (as Google writes it) would be off by the zone's offset, so restate it as
 * the wall-clock time the occurrences are read in.
 */
function alignUntilWithFloatingStart(master: ICAL.Component, start: ZonedTime, timeZone: string): void {
  if (start.time.isDate || start.time.zone !== ICAL.Timezone.localTimezone) return;
  for (const property of master.getAllProperties("rrule")) {
    const rule = property.getFirstValue();
    if (!(rule instanceof ICAL.Recur) || rule.until?.zone !== ICAL.Timezone.utcTimezone) continue;
    rule.until = ICAL.Time.fromData(wallClockAt(rule.until.toUnixTime() * 1000, wallClockZone(start.tzid, timeZone)));
  }
}

const PERIODIC_RULE_PARTS = new Set(["BYDAY", "BYMONTH", "BYMONTHDAY", "BYHOUR", "BYMINUTE", "BYSECOND"]);

/**
 * ical.js expands a series from its first occurrence: walking a daily series from 2015 to 2027
 * takes about half a second. But a daily or weekly rule without COUNT repeats
 * every INTERVAL days or weeks, so the occurrences after a start moved by a whole number of those
 * periods are the same: move it to just before the window. Other rules start at DTSTART.
 */
function laterStart(master: ICAL.Component, start: ZonedTime, length: OccurrenceLength, expansion: Expansion): ICAL.Time | undefined {
  const [rule, ...otherRules] = master.getAllProperties("rrule").map((property) => property.getFirstValue());
  if (!(rule instanceof ICAL.Recur) || otherRules.length > 0 || master.hasProperty("rdate") || rule.count) return undefined;
  const periodDays = rule.freq === "DAILY" ? 1 : rule.freq === "WEEKLY" ? 7 : undefined;
  if (!periodDays || Object.keys(rule.parts).some((part) => !PERIODIC_RULE_PARTS.has(part))) return undefined;
  const stepDays = periodDays * Math.max(1, rule.interval);
  // Room for the longest occurrence, and two days for DST changes and zone offsets.
  const earliestStart = expansion.from - Math.max(0, length.days * DAY_MS + length.ms) - 2 * DAY_MS;
  const steps = Math.floor((earliestStart - toInstant(start, expansion.timeZone)) / (stepDays * DAY_MS));
  if (steps <= 0) return undefined;
  const later = start.time.clone();
  later.adjust(steps * stepDays, 0, 0, 0);
  return later;
}
