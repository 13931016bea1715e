import { tzOffset } from "@date-fns/tz";
import { groupSlotsByDay } from "../lib/booking/slot-display";

// Tests run in parallel against one database, so no two of them may book the same time by
// accident. Each test that books owns a whole working day (in the firm's zone) and books the
// first open times of that day: the days on the list do not move when a time is taken, so every
// worker works out the same day for a lane from the page it loaded.
//
// - Lanes below: the lane at position k owns the (2k + 2)-th open day. Days 0 and 1 are left
//   alone (tomorrow loses times as the clock moves), and odd days are left free, so if the first
//   day drops off the list in the middle of a run, a test that looks later lands on a free day.
// - The time-zone tests own days around the next US and EU DST changes: for zone i, the i-th day
//   before both changes, between them, and after both (counted outwards from each change). Those
//   days are taken out of the list before the lanes are counted.

export const FIRM_TIME_ZONE = process.env.FIRM_TIME_ZONE ?? "America/New_York";

/** Add a name here for a new test that books, and use it in that one test only. */
export const lanes = [
  "keyboard",
  "with-js",
  "calendar-file",
  "slot-taken",
  "no-js",
  "no-js-time-zone",
  "attribution",
  "race",
  "rate-limit",
  "untrusted-proxy",
  "accessibility",
  "manage",
  "manage-no-js",
  "admin",
  "admin-no-js",
  "calendars",
  "js-time-zone",
] as const;
export type Lane = (typeof lanes)[number];

export const dstZones = ["Europe/London", "America/Los_Angeles", "Asia/Kolkata"] as const;
export const periods = ["before both DST changes", "between the DST changes", "after both DST changes"] as const;
export type DstZone = (typeof dstZones)[number];
export type Period = (typeof periods)[number];

type Day = { day: string; slots: string[] };
const HOUR = 3_600_000;

function daysOf(slots: string[]): Day[] {
  const days = groupSlotsByDay(
    slots.map((iso) => ({ startsAt: new Date(iso), endsAt: new Date(iso) })),
    FIRM_TIME_ZONE,
  );
  return days.map(({ day, slots }) => ({ day, slots: slots.map((slot) => slot.value) }));
}

/** The first hour after `from` at which `zone`'s offset from UTC has changed, if that is by `until`. */
function nextOffsetChange(zone: string, from: number, until: number): number | undefined {
  const offset = tzOffset(zone, new Date(from));
  for (let at = from + HOUR; at <= until + HOUR; at += HOUR) {
    if (tzOffset(zone, new Date(at)) !== offset) return at;
  }
  return undefined;
}

/** The next US and EU DST changes inside the booking window, earlier first; or why there are none. */
function nextDstChanges(slots: string[]): [number, number] | string {
  const from = Date.parse(slots[0]!);
  const until = Date.parse(slots.at(-1)!);
  const changes: number[] = [];
  for (const zone of ["America/New_York", "Europe/London"]) {
    const change = nextOffsetChange(zone, from, until);
    if (change === undefined) {
      return (
        `No DST change in ${zone} between the first and last open time (${slots[0]} to ${slots.at(-1)}): ` +
        "raise BOOKING_HORIZON_DAYS for the end-to-end server so the times reach past the next one."
      );
    }
    changes.push(change);
  }
  return changes.sort((a, b) => a - b) as [number, number];
}

type DstDays = { days: Array<[DstZone, Record<Period, Day>]> } | { problem: string };

function findDstDays(slots: string[]): DstDays {
  const changes = nextDstChanges(slots);
  if (typeof changes === "string") return { problem: changes };
  const [first, second] = changes;
  const days = daysOf(slots);
  const start = (day: Day) => Date.parse(day.slots[0]!);
  const end = (day: Day) => Date.parse(day.slots.at(-1)!);
  const byPeriod: Record<Period, Day[]> = {
    [periods[0]]: days.filter((day) => end(day) < first).reverse(),
    [periods[1]]: days.filter((day) => start(day) > first && end(day) < second),
    [periods[2]]: days.filter((day) => start(day) > second),
  };
  const found: Array<[DstZone, Record<Period, Day>]> = [];
  for (const [index, zone] of dstZones.entries()) {
    const entry: Partial<Record<Period, Day>> = {};
    for (const period of periods) {
      const day = byPeriod[period][index];
      if (!day) {
        const around = `${new Date(first).toISOString()} and ${new Date(second).toISOString()}`;
        return { problem: `Only ${byPeriod[period].length} open days ${period} (${around}); the time-zone tests need ${dstZones.length}.` };
      }
      entry[period] = day;
    }
    found.push([zone, entry as Record<Period, Day>]);
  }
  return { days: found };
}

/** For each zone the time-zone tests use, the open times, earliest first, of its day in each period. */
export function dstLaneDays(slots: string[]): Record<DstZone, Record<Period, string[]>> {
  const found = findDstDays(slots);
  if ("problem" in found) throw new Error(found.problem);
  return Object.fromEntries(
    found.days.map(([zone, days]) => [zone, Object.fromEntries(periods.map((period) => [period, days[period].slots]))]),
  ) as Record<DstZone, Record<Period, string[]>>;
}

/** The open times, earliest first, on the day that belongs to `lane`. */
export function laneDay(slots: string[], lane: Lane): string[] {
  // With no DST days to be found the time-zone tests fail and say why; the other lanes carry on.
  const found = findDstDays(slots);
  const reserved = new Set("problem" in found ? [] : found.days.flatMap(([, days]) => periods.map((period) => days[period].day)));
  const days = daysOf(slots).filter((day) => !reserved.has(day.day));
  const position = 2 * lanes.indexOf(lane) + 2;
  const day = days[position];
  if (!day) throw new Error(`Only ${days.length} open days; lane "${lane}" needs day ${position}. Raise BOOKING_HORIZON_DAYS.`);
  return day.slots;
}
