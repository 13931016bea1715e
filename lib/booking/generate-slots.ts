import { tzOffset } from "@date-fns/tz";
import type { Weekday } from "../config";
import type { Availability } from "./availability";

/** A consultation time: [startsAt, endsAt), instants in UTC. */
export type Slot = { startsAt: Date; endsAt: Date };

/** A busy time as epoch milliseconds, [start, end): what schedules load in bulk, without a Date each. */
export type BusyRange = { start: number; end: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/**
 * The open slots, in order: on each working day (in the firm's zone), from dayStart in steps of
 * slotMinutes + bufferMinutes while a slot still ends by dayEnd; only those starting within
 * [now + minNoticeHours, now + horizonDays] and keeping bufferMinutes clear of every booked range.
 *
 * dayStart and dayEnd mean the first instant the firm's clock shows that time: on a day when the
 * clocks go back it is the earlier of the two, and when they skip it (spring forward) it is the
 * moment of the change. Slots step in elapsed time, so each one lasts exactly slotMinutes.
 */
export function generateSlots({
  availability,
  now,
  booked,
  within,
}: {
  availability: Availability;
  now: Date;
  booked: ReadonlyArray<Slot | BusyRange>;
  /** Only slots starting in this window (inclusive): checking one slot need not walk the horizon. */
  within?: { from: Date; to: Date };
}): Slot[] {
  const { timeZone, slotMinutes, bufferMinutes } = availability;
  if (!(slotMinutes > 0) || !(bufferMinutes >= 0)) {
    throw new RangeError("slotMinutes must be positive and bufferMinutes not negative");
  }
  const opensAt = minutesOfDay(availability.dayStart);
  const closesAt = minutesOfDay(availability.dayEnd);
  const length = slotMinutes * MINUTE;
  const step = (slotMinutes + bufferMinutes) * MINUTE;
  const buffer = bufferMinutes * MINUTE;
  const earliest = Math.max(now.getTime() + availability.minNoticeHours * HOUR, within?.from.getTime() ?? -Infinity);
  const latest = Math.min(now.getTime() + availability.horizonDays * DAY, within?.to.getTime() ?? Infinity);
  if (latest < earliest) return [];
  const workingDays = new Set(availability.workingDays);
  const busy = mergeRanges(booked);

  const slots: Slot[] = [];
  let nextBusy = 0;
  const lastDay = localDay(latest, timeZone);
  for (let day = localDay(earliest, timeZone); day <= lastDay; day += DAY) {
    if (!workingDays.has(WEEKDAY_BY_UTC_DAY[new Date(day).getUTCDay()]!)) continue;
    const close = firstInstantShowing(day + closesAt * MINUTE, timeZone);
    for (let start = firstInstantShowing(day + opensAt * MINUTE, timeZone); start + length <= close; start += step) {
      if (start < earliest) continue;
      if (start > latest) return slots;
      const end = start + length;
      while (nextBusy < busy.length && busy[nextBusy]!.end + buffer <= start) nextBusy++;
      const blocking = busy[nextBusy];
      if (blocking && blocking.start < end + buffer) continue;
      slots.push({ startsAt: new Date(start), endsAt: new Date(end) });
    }
  }
  return slots;
}

function minutesOfDay(clock: string): number {
  const match = /^(\d{2}):([0-5]\d)$/.exec(clock);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`Not a time of day as HH:MM: "${clock}"`);
  return minutes;
}

/** Sorted, disjoint ranges covering the same time as the bookings; empty or invalid ranges block nothing. */
function mergeRanges(booked: ReadonlyArray<Slot | BusyRange>): BusyRange[] {
  const ranges = booked
    .map((busy) => ("start" in busy ? { start: busy.start, end: busy.end } : { start: busy.startsAt.getTime(), end: busy.endsAt.getTime() }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: BusyRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The calendar day (as its UTC midnight) that the zone's clock shows at `instant`. */
function localDay(instant: number, timeZone: string): number {
  const wallClock = instant + tzOffset(timeZone, new Date(instant)) * MINUTE;
  return Math.floor(wallClock / DAY) * DAY;
}

/**
 * The first instant at which the zone's clock shows `wallClock` (a local date and time written as
 * if it were UTC) or later: the earlier instant when the time happens twice, the moment of the
 * change when the clock skips it.
 */
function firstInstantShowing(wallClock: number, timeZone: string): number {
  const offsetBefore = tzOffset(timeZone, new Date(wallClock - DAY)) * MINUTE;
  const offsetAfter = tzOffset(timeZone, new Date(wallClock + DAY)) * MINUTE;
  const candidates = [wallClock - offsetBefore, wallClock - offsetAfter].sort((a, b) => a - b);
  for (const instant of candidates) {
    if (instant + tzOffset(timeZone, new Date(instant)) * MINUTE === wallClock) return instant;
  }
  // Skipped: the clock jumps past wallClock somewhere between the two candidates.
  let [before, after] = candidates as [number, number];
  while (after - before > MINUTE) {
    const middle = before + Math.max(MINUTE, Math.floor((after - before) / 2 / MINUTE) * MINUTE);
    if (middle + tzOffset(timeZone, new Date(middle)) * MINUTE >= wallClock) after = middle;
    else before = middle;
  }
  return after;
}
