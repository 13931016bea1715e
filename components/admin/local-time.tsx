"use client";

import { useSyncExternalStore } from "react";
import { formatSlot } from "@/lib/booking/slot-display";

const neverChanges = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant in the viewer's own zone once scripts run; until then (or without them), in `fallbackZone`. */
export function LocalTime({ iso, fallbackZone }: { iso: string; fallbackZone: string }) {
  const zone = useSyncExternalStore(neverChanges, browserZone, () => fallbackZone);
  const label = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(new Date(iso)).find((part) => part.type === "timeZoneName")?.value;
  return (
    <time dateTime={iso}>
      {formatSlot(new Date(iso), zone)} {label}
    </time>
  );
}
