import type { AppConfig } from "../config";
import { availabilityFromConfig, type Availability } from "./availability";
import type { RateLimitRule } from "./rate-limit";

export type BookingSettings = {
  availability: Availability;
  rateLimit: RateLimitRule;
  staffEmail: string;
  /** A form sent back sooner than this after it was shown was sent by a script. */
  minimumFillSeconds: number;
};

export function bookingSettingsFromConfig(config: AppConfig): BookingSettings {
  return {
    availability: availabilityFromConfig(config),
    rateLimit: { limit: config.BOOKING_RATE_LIMIT, windowSeconds: config.BOOKING_RATE_WINDOW_SECONDS },
    staffEmail: config.STAFF_NOTIFY_EMAIL ?? config.FIRM_EMAIL,
    minimumFillSeconds: config.BOOKING_MIN_FILL_SECONDS,
  };
}
