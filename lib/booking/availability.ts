import type { AppConfig, Weekday } from "../config";

/** When the firm takes consultations. Clock times are "HH:MM" on the firm's wall clock in `timeZone`. */
export type Availability = {
  timeZone: string;
  workingDays: Weekday[];
  dayStart: string;
  dayEnd: string;
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
};

export function availabilityFromConfig(config: AppConfig): Availability {
  return {
    timeZone: config.FIRM_TIME_ZONE,
    workingDays: [...config.WORKING_DAYS],
    dayStart: config.WORKING_HOURS_START,
    dayEnd: config.WORKING_HOURS_END,
    slotMinutes: config.CONSULTATION_MINUTES,
    bufferMinutes: config.BUFFER_MINUTES,
    minNoticeHours: config.MIN_NOTICE_HOURS,
    horizonDays: config.BOOKING_HORIZON_DAYS,
  };
}
