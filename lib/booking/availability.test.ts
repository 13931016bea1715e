import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { availabilityFromConfig } from "./availability";

describe("availabilityFromConfig", () => {
  it("maps the defaults: weekdays 9 to 5 in New York, 30-minute consultations", () => {
    expect(availabilityFromConfig(parseConfig({}))).toEqual({
      timeZone: "America/New_York",
      workingDays: ["mon", "tue", "wed", "thu", "fri"],
      dayStart: "09:00",
      dayEnd: "17:00",
      slotMinutes: 30,
      bufferMinutes: 0,
      minNoticeHours: 24,
      horizonDays: 30,
    });
  });

  it("maps every setting from the environment", () => {
    const config = parseConfig({
      FIRM_TIME_ZONE: "Europe/London",
      WORKING_DAYS: "tue,sat",
      WORKING_HOURS_START: "08:30",
      WORKING_HOURS_END: "12:15",
      CONSULTATION_MINUTES: "45",
      BUFFER_MINUTES: "10",
      MIN_NOTICE_HOURS: "2",
      BOOKING_HORIZON_DAYS: "14",
    });
    expect(availabilityFromConfig(config)).toEqual({
      timeZone: "Europe/London",
      workingDays: ["tue", "sat"],
      dayStart: "08:30",
      dayEnd: "12:15",
      slotMinutes: 45,
      bufferMinutes: 10,
      minNoticeHours: 2,
      horizonDays: 14,
    });
  });

  it("copies the working days so callers cannot change the cached configuration", () => {
    const config = parseConfig({});
    availabilityFromConfig(config).workingDays.push("sun");
    expect(config.WORKING_DAYS).not.toContain("sun");
  });
});
