import { z } from "zod";
import { openSecret, sealSecret, type CalendarKey } from "./calendar-secret";

/** Where a calendar is and how to sign in: what its row keeps sealed. */
export const calendarSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ICS_FEED"), url: z.string() }),
  z.object({ kind: z.literal("CALDAV"), serverUrl: z.string(), username: z.string(), password: z.string(), calendarUrl: z.string() }),
]);

export type CalendarSource = z.infer<typeof calendarSourceSchema>;

/** Sealed under the calendar's id, so a secret copied into another row does not open there. */
export function sealCalendarSource(source: CalendarSource, calendarId: string, key: CalendarKey): string {
  return sealSecret(JSON.stringify(source), key, calendarId);
}

export function openCalendarSource(sealed: string, calendarId: string, key: CalendarKey): CalendarSource {
  return calendarSourceSchema.parse(JSON.parse(openSecret(sealed, key, calendarId)));
}
