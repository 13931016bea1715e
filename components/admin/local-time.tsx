"use client";

import { useSyncExternalStore } from "react";
import { formatCompact, formatSlot, zoneAbbreviation } from "@/lib/booking/slot-display";

const neverChanges = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant in the viewer's own zone once scripts run; until then (or without them), in `fallbackZone`.
 * In full ("Saturday, December 5, 2026, 5:40 AM EST"), or `compact` for a table, with the full form
 * as its tooltip.
 */
export function LocalTime({ iso, fallbackZone, compact = false }: { iso: string; fallbackZone: string; compact?: boolean }) {
  const zone = useSyncExternalStore(neverChanges, browserZone, () => fallbackZone);
  const at = new Date(iso);
  const full = `${formatSlot(at, zone)} ${zoneAbbreviation(at, zone)}`;
  return compact ? (
    <time dateTime={iso} title={full}>
      {formatCompact(at, zone)}
    </time>
  ) : (
    <time dateTime={iso}>{full}</time>
  );
}
