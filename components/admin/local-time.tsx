"use client";

import { useSyncExternalStore } from "react";
import { formatSlot } from "@/lib/booking/slot-display";

const neverChanges = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The viewer's own zone once scripts run; until then (or without them), `fallbackZone`. */
const useViewerZone = (fallbackZone: string) => useSyncExternalStore(neverChanges, browserZone, () => fallbackZone);

const zoneName = (at: Date, zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? zone;

/** "Sat, Dec 5, 5:40 AM EST", with the year when it is not this year: short enough for a table's cell. */
function compactLabel(at: Date, zone: string): string {
  const year = (date: Date) => new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric" }).format(date);
  const options: Intl.DateTimeFormatOptions = { timeZone: zone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
  return new Intl.DateTimeFormat("en-US", year(at) === year(new Date()) ? options : { ...options, year: "numeric" }).format(at);
}

/**
 * An instant in the viewer's own zone once scripts run; until then (or without them), in `fallbackZone`.
 * In full ("Saturday, December 5, 2026, 5:40 AM EST"), or `compact` for a table, with the full form
 * as its tooltip.
 */
export function LocalTime({ iso, fallbackZone, compact = false }: { iso: string; fallbackZone: string; compact?: boolean }) {
  const zone = useViewerZone(fallbackZone);
  const at = new Date(iso);
  const full = `${formatSlot(at, zone)} ${zoneName(at, zone)}`;
  return compact ? (
    <time dateTime={iso} title={full}>
      {compactLabel(at, zone)}
    </time>
  ) : (
    <time dateTime={iso}>{full}</time>
  );
}
