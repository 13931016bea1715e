import { getAppSecret } from "../auth/app-secret";
import type { AppConfig } from "../config";
import { availabilityFromConfig, type Availability } from "./availability";
import type { RateLimitRule } from "../rate-limit/rate-limit";

export type BookingSettings = {
  availability: Availability;
  rateLimit: RateLimitRule;
  /** Who is told of each booking. */
  staffEmails: string[];
  /** A form sent back sooner than this after it was shown was sent by a script. */
  minimumFillSeconds: number;
  /** How long before the call the prospect is reminded; no reminder for a call sooner than that. */
  reminderHoursBefore: number;
  /** Signs manage links. */
  secret: string;
};

export function bookingSettingsFromConfig(config: AppConfig): BookingSettings {
  return {
    availability: availabilityFromConfig(config),
    rateLimit: { limit: config.BOOKING_RATE_LIMIT, windowSeconds: config.BOOKING_RATE_WINDOW_SECONDS },
    staffEmails: config.STAFF_NOTIFY_EMAIL ?? [config.FIRM_EMAIL],
    minimumFillSeconds: config.BOOKING_MIN_FILL_SECONDS,
    reminderHoursBefore: config.REMINDER_HOURS_BEFORE,
    secret: getAppSecret(config),
  };
}
