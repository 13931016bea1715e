import { tzOffset } from "@date-fns/tz";
import { findIana } from "windows-iana";

/** Whether this runtime's Intl knows `name` as a time zone (IANA names and aliases such as "UTC"). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// A feed repeats the same few TZIDs on every event: remember the answers, but only so many.
const resolved = new Map<string, string | undefined>();
const REMEMBERED_TZIDS = 1_000;

/**
 * The IANA zone an iCalendar TZID names, or undefined if it names none we can recognise. Accepts
 * IANA names ("Europe/Berlin"), Windows zone IDs ("W. Europe Standard Time"), either behind a
 * vendor prefix ("/mozilla.org/20050126_1/Europe/London"), and, best effort, Windows display
 * names ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna").
 */
export function resolveTzid(tzid: string): string | undefined {
  if (resolved.has(tzid)) return resolved.get(tzid);
  const name = tzid.trim().replace(/^"(.*)"$/, "$1");
  const zone = zoneNamed(name) ?? zoneNamedAfterPrefix(name) ?? zoneFromWindowsDisplayName(name);
  if (resolved.size >= REMEMBERED_TZIDS) resolved.clear();
  resolved.set(tzid, zone);
  return zone;
}

function zoneNamed(name: string): string | undefined {
  if (name === "") return undefined;
  if (isKnownTimeZone(name)) return name;
  // windows-iana lists the zone for the Windows zone's own territory ("001") first.
  return findIana(name)[0];
}

function zoneNamedAfterPrefix(name: string): string | undefined {
  const segments = name.split("/").filter((segment) => segment !== "");
  // IANA names have at most three segments: "America/Argentina/Buenos_Aires".
  for (let count = Math.min(3, segments.length - 1); count >= 1; count--) {
    const zone = zoneNamed(segments.slice(-count).join("/"));
    if (zone) return zone;
  }
  return undefined;
}

const DISPLAY_NAME = /^\((?:UTC|GMT)(?:([+-])(\d{1,2}):(\d{2}))?\)\s*(.*)$/;
const AREAS = ["Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", "Antarctica", "US", "Canada", "Etc"];

/**
 * Windows display names list a UTC offset and places: look for a place that is an IANA zone
 * ("Amsterdam" → Europe/Amsterdam, "Eastern" → US/Eastern) whose standard offset is the listed one.
 */
function zoneFromWindowsDisplayName(name: string): string | undefined {
  const match = DISPLAY_NAME.exec(name);
  if (!match) return undefined;
  const [, sign, hours = "0", minutes = "0", places = ""] = match;
  const listedOffset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  for (const place of places.split(/[,()&]/)) {
    const words = place.trim().split(/\s+/).filter((word) => /^[A-Za-z][A-Za-z.'-]*$/.test(word));
    // Every run of consecutive words: "City of Buenos Aires" must find "Buenos_Aires".
    for (let first = 0; first < words.length; first++) {
      for (let last = words.length; last > first; last--) {
        const city = words.slice(first, last).join("_");
        const zone = AREAS.map((area) => `${area}/${city}`).find(
          (candidate) => isKnownTimeZone(candidate) && standardOffset(candidate) === listedOffset,
        );
        if (zone) return zone;
      }
    }
  }
  return undefined;
}

/** The zone's offset in minutes outside daylight saving time (the smaller of January's and July's). */
function standardOffset(zone: string): number {
  const year = new Date().getUTCFullYear();
  return Math.min(tzOffset(zone, new Date(Date.UTC(year, 0, 1))), tzOffset(zone, new Date(Date.UTC(year, 6, 1))));
}
