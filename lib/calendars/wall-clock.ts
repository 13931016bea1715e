import { tzOffset } from "@date-fns/tz";

/** A local date and time as written on a wall clock; `month` is 1–12. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function offsetMs(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
}

/**
 * The instant (ms since the epoch) at which clocks in `timeZone` show `time`, read as RFC 5545
 * reads it: a time that occurs twice (clocks going back) is the first of the two, and a time that
 * does not exist (clocks going forward) is read with the offset from before the gap, so 02:30 on
 * the spring-forward night in New York is 03:30 EDT.
 */
export function wallClockToInstant(time: WallClock, timeZone: string): number {
  const asIfUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  // Assumes at most one offset change within a day either side, which holds for every real zone.
  const offsetBefore = offsetMs(timeZone, asIfUtc - DAY_MS);
  const offsetAfter = offsetMs(timeZone, asIfUtc + DAY_MS);
  const matching = [asIfUtc - offsetBefore, asIfUtc - offsetAfter].filter(
    (instant) => instant + offsetMs(timeZone, instant) === asIfUtc,
  );
  return matching.length > 0 ? Math.min(...matching) : asIfUtc - offsetBefore;
}

/** What clocks in `timeZone` show at `instant` (ms since the epoch). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const shifted = new Date(instant + offsetMs(timeZone, instant));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}
