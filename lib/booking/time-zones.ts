import { tzOffset } from "@date-fns/tz";
import { type ZoneOffset, zoneOptionLabel } from "./zone-option-label";

// IANA names only: a region and place ("America/New_York") or a bare name ("UTC"), never an offset.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

let offered: ReadonlySet<string> | undefined;

/** The zones this runtime knows, in its own canonical spelling, plus "UTC", sorted. */
function offeredZones(): ReadonlySet<string> {
  offered ??= new Set([...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), "UTC"].sort());
  return offered;
}

// Building an Intl.DateTimeFormat costs a fraction of a millisecond, and every booking asks:
// remember the answers (for well-formed names only, and only so many of them).
const canonicalNames = new Map<string, string | undefined>();
const REMEMBERED_NAMES = 2_000;

/** The runtime's canonical name for an IANA zone name or alias, or undefined if it knows no such zone. */
function canonicalName(zone: string): string | undefined {
  if (zone.length > 64 || !ZONE_NAME.test(zone)) return undefined;
  if (canonicalNames.has(zone)) return canonicalNames.get(zone);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (canonicalNames.size < REMEMBERED_NAMES) canonicalNames.set(zone, canonical);
  return canonical;
}

/**
 * Whether `zone` names one of the zones offered by timeZoneOptions(), directly or by an alias
 * ("Asia/Kolkata" and "Asia/Calcutta" both count). Offsets such as "+05:30" and "Etc/GMT+5" do not.
 */
export function isTimeZone(zone: string): boolean {
  const canonical = canonicalName(zone);
  return canonical !== undefined && offeredZones().has(canonical);
}

/** Every offered zone with its UTC offset at `at`, in the order a picker lists them. */
export function timeZoneOffsets(at: Date = new Date()): ZoneOffset[] {
  return [...offeredZones()].map((zone) => [zone, tzOffset(zone, at)]);
}

/** Every offered zone for a picker, labelled with its UTC offset at `at`: "America/New_York (GMT-05:00)". */
export function timeZoneOptions(at: Date = new Date()): Array<{ value: string; label: string }> {
  return timeZoneOffsets(at).map((zoneOffset) => ({ value: zoneOffset[0], label: zoneOptionLabel(zoneOffset) }));
}

/**
 * The zone to show times in: `candidate` (say, the browser's zone) if it names an offered zone,
 * else `fallback`. Either way in the spelling timeZoneOptions() uses, so a picker can preselect it.
 * Throws when the fallback is no time zone at all: that is a configuration mistake.
 */
export function resolveTimeZone(candidate: string | undefined, fallback: string): string {
  const trimmed = candidate?.trim();
  if (trimmed && isTimeZone(trimmed)) return canonicalName(trimmed)!;
  const resolvedFallback = canonicalName(fallback);
  if (resolvedFallback === undefined) throw new RangeError(`Not a time zone: "${fallback}"`);
  return resolvedFallback;
}
