import { z } from "zod";
import type { Availability } from "../booking/availability";
import { isTimeZone } from "../booking/time-zones";
import { weekdays, type Weekday } from "../config";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time of day as HH:MM, 24-hour");

/** A consultant's own hours as the admin's forms send them; each left empty means the firm's. */
export const consultantHoursSchema = z
  .object({
    timeZone: z.union([z.literal(""), z.string().refine(isTimeZone, "Choose a time zone from the list")]),
    workingDays: z.array(z.enum(weekdays, "Choose days of the week")).max(7),
    dayStart: z.union([z.literal(""), clockTime]),
    dayEnd: z.union([z.literal(""), clockTime]),
  })
  .refine((hours) => !hours.dayStart || !hours.dayEnd || hours.dayEnd > hours.dayStart, {
    path: ["dayEnd"],
    message: "End the day later than it starts",
  });

export type ConsultantHoursInput = z.input<typeof consultantHoursSchema>;

/** The hours as stored on the account (null or empty: the firm's). */
export type ConsultantHours = { timeZone: string | null; workingDays: string[]; dayStart: string | null; dayEnd: string | null };

export function hoursForStorage(hours: z.output<typeof consultantHoursSchema>): ConsultantHours {
  return { timeZone: hours.timeZone || null, workingDays: hours.workingDays, dayStart: hours.dayStart || null, dayEnd: hours.dayEnd || null };
}

/** The consultant's availability: their own hours where set, the firm's otherwise. */
export function consultantAvailability(firm: Availability, hours: ConsultantHours): Availability {
  const days = hours.workingDays.filter((day): day is Weekday => (weekdays as readonly string[]).includes(day));
  const dayStart = hours.dayStart ?? firm.dayStart;
  const dayEnd = hours.dayEnd ?? firm.dayEnd;
  return {
    ...firm,
    timeZone: hours.timeZone && isTimeZone(hours.timeZone) ? hours.timeZone : firm.timeZone,
    workingDays: days.length > 0 ? days : [...firm.workingDays],
    ...(dayEnd > dayStart ? { dayStart, dayEnd } : { dayStart: firm.dayStart, dayEnd: firm.dayEnd }),
  };
}
