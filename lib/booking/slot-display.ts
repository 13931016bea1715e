import { tzOffset } from "@date-fns/tz";
import type { Slot } from "./generate-slots";

export type SlotDay = {
  /** The date in the display zone, YYYY-MM-DD. */
  day: string;
  /** "Monday, November 30" */
  label: string;
  /** "Mon, Nov 30": the day's name on the row of days to choose from */
  shortLabel: string;
  /** value: the start as a UTC ISO string; label: "9:00 AM" */
  slots: Array<{ value: string; label: string }>;
};

const DEFAULT_LOCALE = "en-US";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const STYLES = {
  day: { weekday: "long", month: "long", day: "numeric" },
  shortDay: { weekday: "short", month: "short", day: "numeric" },
  date: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  timeWithZone: { hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  zoneName: { timeZoneName: "long" },
  zoneAbbreviation: { timeZoneName: "short" },
  year: { year: "numeric" },
  compact: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  compactWithYear: { weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    if (formatters.size >= 2_000) formatters.clear();
    cached = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** ICU puts narrow no-break and thin spaces before AM/PM and around range dashes; use plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

/** "9:00 – 9:30 AM" → "9:00–9:30 AM"; "11:30 AM – 12:00 PM" keeps its spaces. */
const closeUpDash = (text: string) => text.replace(/(\d) – (\d)/g, "$1–$2");

/** The zone's offset from UTC in minutes at an instant (ms). */
type OffsetAt = (ms: number) => number;

/** `OffsetAt` for one zone, each instant asked once: a day's slots ask about the days either side of each. */
function offsetsIn(timeZone: string): OffsetAt {
  const known = new Map<number, number>();
  return (ms) => {
    let offset = known.get(ms);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(ms));
      known.set(ms, offset);
    }
    return offset;
  };
}

/** YYYY-MM-DD on the zone's clock, read from the shifted instant rather than formatted: this runs once a slot. */
const dayOfClock = (ms: number, offsetAt: OffsetAt) => new Date(ms + offsetAt(ms) * MINUTE).toISOString().slice(0, 10);

/** Whether the zone's clock shows the same time at another instant too (the hour repeated when clocks go back). */
function isRepeatedClockTime(ms: number, offsetAt: OffsetAt): boolean {
  const offset = offsetAt(ms);
  const clock = ms + offset * MINUTE;
  for (const around of [ms - DAY, ms + DAY]) {
    const other = offsetAt(around);
    if (other !== offset && offsetAt(clock - other * MINUTE) === other) return true;
  }
  return false;
}

/** "9:00 AM"; in the repeated hour, "1:30 AM EDT" and "1:30 AM EST", so the two can be told apart. */
function timeLabel(instant: Date, timeZone: string, locale: string, offsetAt: OffsetAt = offsetsIn(timeZone)): string {
  const style = isRepeatedClockTime(instant.getTime(), offsetAt) ? "timeWithZone" : "time";
  return plainSpaces(formatter(style, timeZone, locale).format(instant));
}

function dateLabel(instant: Date, timeZone: string, locale: string): string {
  return plainSpaces(formatter("date", timeZone, locale).format(instant));
}

/** The slots by calendar day in `timeZone`, in time order, ready for a day-by-day picker. */
export function groupSlotsByDay(slots: ReadonlyArray<Slot>, timeZone: string, locale: string = DEFAULT_LOCALE): SlotDay[] {
  const days: SlotDay[] = [];
  const inOrder = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const offsetAt = offsetsIn(timeZone);
  for (const { startsAt } of inOrder) {
    const day = dayOfClock(startsAt.getTime(), offsetAt);
    let group = days.at(-1);
    if (group?.day !== day) {
      group = {
        day,
        label: plainSpaces(formatter("day", timeZone, locale).format(startsAt)),
        shortLabel: plainSpaces(formatter("shortDay", timeZone, locale).format(startsAt)),
        slots: [],
      };
      days.push(group);
    }
    group.slots.push({ value: startsAt.toISOString(), label: timeLabel(startsAt, timeZone, locale, offsetAt) });
  }
  return days;
}

/** "Monday, November 30, 2026, 9:00 AM" */
export function formatSlot(startsAt: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  return `${dateLabel(startsAt, timeZone, locale)}, ${timeLabel(startsAt, timeZone, locale)}`;
}

/** "Monday, November 30, 2026, 9:00–9:30 AM"; both dates in full when the slot crosses midnight in `timeZone`. */
export function formatSlotRange(slot: Slot, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  const { startsAt, endsAt } = slot;
  const offsetAt = offsetsIn(timeZone);
  if (dayOfClock(startsAt.getTime(), offsetAt) !== dayOfClock(endsAt.getTime(), offsetAt)) {
    return `${formatSlot(startsAt, timeZone, locale)} – ${formatSlot(endsAt, timeZone, locale)}`;
  }
  const date = dateLabel(startsAt, timeZone, locale);
  if (isRepeatedClockTime(startsAt.getTime(), offsetAt) || isRepeatedClockTime(endsAt.getTime(), offsetAt)) {
    // ICU's range would print "1:30 – 1:00 AM EST" for 1:30 EDT to 1:00 EST; name both zones.
    return `${date}, ${timeLabel(startsAt, timeZone, locale, offsetAt)} – ${timeLabel(endsAt, timeZone, locale, offsetAt)}`;
  }
  const times = formatter("time", timeZone, locale).formatRange(startsAt, endsAt);
  return `${date}, ${closeUpDash(plainSpaces(times))}`;
}

/** "Eastern Standard Time (America/New_York)", or "GMT+03:00 (Etc/GMT-3)" for a zone without a name. */
export function timeZoneLabel(timeZone: string, at: Date, locale: string = DEFAULT_LOCALE): string {
  const name = formatter("zoneName", timeZone, locale)
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return name ? `${plainSpaces(name)} (${timeZone})` : timeZone;
}

/** "EST", or "GMT+1" where the locale has no abbreviation for the zone. */
export function zoneAbbreviation(at: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  return formatter("zoneAbbreviation", timeZone, locale).formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** "Sat, Dec 5, 5:40 AM EST", with the year when it is not `now`'s: short enough for a table's cell. */
export function formatCompact(at: Date, timeZone: string, now: Date = new Date(), locale: string = DEFAULT_LOCALE): string {
  const year = formatter("year", timeZone, locale);
  const style = year.format(at) === year.format(now) ? "compact" : "compactWithYear";
  return plainSpaces(formatter(style, timeZone, locale).format(at));
}
