const HOUR = 3_600_000;

/**
 * When the reminder for a call is due: that many hours of real time before it (across a clock
 * change too, so 24 hours before 9:00 may be 8:00 or 10:00 on the wall clock the day before).
 * None when that moment has passed, as for a call booked within the window, or when turned off (0).
 */
export function reminderDueAt(startsAt: Date, hoursBefore: number, now: Date): Date | null {
  if (hoursBefore <= 0) return null;
  const due = new Date(startsAt.getTime() - hoursBefore * HOUR);
  return due > now ? due : null;
}
