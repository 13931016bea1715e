import type { AppConfig } from "../config";
import { createGuardedFetch } from "../http/guarded-fetch";
import { calendarKeyFromConfig, type CalendarKey } from "./calendar-secret";

export type CalendarSettings = {
  /** Null in production until CALENDAR_ENCRYPTION_KEY is set: then no calendar can be connected or read. */
  key: CalendarKey | null;
  /** Every request to a calendar server: SSRF-guarded, capped in size and time. */
  fetch: typeof globalThis.fetch;
  syncMinutes: number;
  /** How far ahead busy times matter: the booking horizon. */
  horizonDays: number;
  /** Told when a calendar stops syncing. */
  staffEmails: string[];
  firmTimeZone: string;
  appUrl: string;
};

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 10 * 1024 * 1024;

export function calendarSettingsFromConfig(config: AppConfig): CalendarSettings {
  return {
    key: calendarKeyFromConfig(config),
    fetch: createGuardedFetch({ allowPrivateHosts: config.CALENDAR_ALLOW_PRIVATE_HOSTS, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES }),
    syncMinutes: config.CALENDAR_SYNC_MINUTES,
    horizonDays: config.BOOKING_HORIZON_DAYS,
    staffEmails: config.STAFF_NOTIFY_EMAIL ?? [config.FIRM_EMAIL],
    firmTimeZone: config.FIRM_TIME_ZONE,
    appUrl: config.APP_URL,
  };
}

export const MISSING_KEY_MESSAGE = "Calendars need CALENDAR_ENCRYPTION_KEY set on the server (openssl rand -base64 32)";
