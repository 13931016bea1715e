/** A zone with its offset from UTC in minutes at some moment: what a zone picker needs, and compact to send to the browser. */
export type ZoneOffset = readonly [zone: string, offsetMinutes: number];

/** A zone picker's label for a zone: "America/New_York (GMT-05:00)". */
export function zoneOptionLabel([zone, offsetMinutes]: ZoneOffset): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${zone} (GMT${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)})`;
}
