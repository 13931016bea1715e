import { z } from "zod";

const slotValue = z.iso.datetime();

/**
 * A time as the forms post it (an ISO 8601 instant in UTC), or undefined for anything else.
 * `new Date()` alone is too lenient for input: it reads "-1" as a year and stops at a NUL, so
 * "2026-12-10T15:00:00Z\u0000junk" would pass for that time.
 */
export function parseSlot(value: string): Date | undefined {
  const parsed = slotValue.safeParse(value);
  return parsed.success ? new Date(parsed.data) : undefined;
}
