import { describe, expect, it } from "vitest";
import type { Slot } from "./generate-slots";
import { formatCompact, formatSlot, formatSlotRange, groupSlotsByDay, timeZoneLabel, zoneAbbreviation } from "./slot-display";

const MINUTE = 60_000;

const slotAt = (iso: string, minutes = 30): Slot => ({
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + minutes * MINUTE),
});

/** Half-hour slots from `firstIso`, `count` of them. */
const run = (firstIso: string, count: number): Slot[] =>
  Array.from({ length: count }, (_, index) => slotAt(new Date(new Date(firstIso).getTime() + index * 30 * MINUTE).toISOString()));

// Monday 30 November 2026, 09:00-17:00 in New York (EST, UTC-5): 14:00Z to 22:00Z.
const mondayInNewYork = run("2026-11-30T14:00:00.000Z", 16);

describe("groupSlotsByDay", () => {
  it("groups a New York day under its date, with times on the firm's clock", () => {
    const days = groupSlotsByDay(mondayInNewYork, "America/New_York");
    expect(days).toHaveLength(1);
    expect(days[0]!.day).toBe("2026-11-30");
    expect(days[0]!.label).toBe("Monday, November 30");
    expect(days[0]!.shortLabel).toBe("Mon, Nov 30");
    expect(days[0]!.slots[0]).toEqual({ value: "2026-11-30T14:00:00.000Z", label: "9:00 AM" });
    expect(days[0]!.slots.at(-1)).toEqual({ value: "2026-11-30T21:30:00.000Z", label: "4:30 PM" });
  });

  it("puts the firm's afternoon on the next day for a prospect in Kolkata (UTC+5:30)", () => {
    const days = groupSlotsByDay(mondayInNewYork, "Asia/Kolkata");
    expect(days.map((day) => [day.day, day.label, day.slots.length])).toEqual([
      ["2026-11-30", "Monday, November 30", 9],
      ["2026-12-01", "Tuesday, December 1", 7],
    ]);
    expect(days[0]!.slots[0]!.label).toBe("7:30 PM");
    expect(days[0]!.slots.at(-1)!.label).toBe("11:30 PM");
    // 13:30 in New York is midnight in Kolkata: the first slot of the new day.
    expect(days[1]!.slots[0]).toEqual({ value: "2026-11-30T18:30:00.000Z", label: "12:00 AM" });
    expect(days[1]!.slots.at(-1)!.label).toBe("3:00 AM");
  });

  it("keeps the value as the UTC instant whatever the display zone", () => {
    const values = (zone: string) => groupSlotsByDay(mondayInNewYork, zone).flatMap((day) => day.slots.map((s) => s.value));
    expect(values("Asia/Kolkata")).toEqual(values("America/New_York"));
    expect(values("Pacific/Auckland")).toEqual(mondayInNewYork.map((s) => s.startsAt.toISOString()));
  });

  it("sorts slots given out of order into one group per day", () => {
    const shuffled = [mondayInNewYork[3]!, mondayInNewYork[0]!, mondayInNewYork[2]!, mondayInNewYork[1]!];
    const days = groupSlotsByDay(shuffled, "America/New_York");
    expect(days).toHaveLength(1);
    expect(days[0]!.slots.map((s) => s.label)).toEqual(["9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM"]);
  });

  it("uses plain spaces only, never the narrow no-break space ICU puts before AM/PM", () => {
    const text = JSON.stringify(groupSlotsByDay(mondayInNewYork, "Asia/Kolkata"));
    expect(text).not.toMatch(/[\u00a0\u2009\u202f]/);
  });

  it("names the zone on the times of the repeated hour when clocks go back (New York, 1 November 2026)", () => {
    // 05:00Z is 1:00 EDT, 06:00Z is 1:00 EST.
    const days = groupSlotsByDay(run("2026-11-01T05:00:00.000Z", 6), "America/New_York");
    expect(days[0]!.slots.map((s) => s.label)).toEqual([
      "1:00 AM EDT",
      "1:30 AM EDT",
      "1:00 AM EST",
      "1:30 AM EST",
      "2:00 AM",
      "2:30 AM",
    ]);
  });

  it("returns no days for no slots", () => {
    expect(groupSlotsByDay([], "America/New_York")).toEqual([]);
  });

  it("follows the locale", () => {
    const days = groupSlotsByDay(mondayInNewYork.slice(0, 1), "America/New_York", "en-GB");
    // ICU versions differ on the comma and the leading zero; the day-month order and the 24-hour clock do not.
    expect(days[0]!.label).toMatch(/^Monday,? 30 November$/);
    expect(days[0]!.slots[0]!.label).toMatch(/^0?9:00$/);
  });
});

describe("formatSlot", () => {
  it("writes the date and the time in the given zone", () => {
    expect(formatSlot(new Date("2026-11-30T14:00:00Z"), "America/New_York")).toBe("Monday, November 30, 2026, 9:00 AM");
    expect(formatSlot(new Date("2026-11-30T18:30:00Z"), "Asia/Kolkata")).toBe("Tuesday, December 1, 2026, 12:00 AM");
    expect(formatSlot(new Date("2026-07-01T13:00:00Z"), "America/New_York")).toBe("Wednesday, July 1, 2026, 9:00 AM");
  });

  it("names the zone in the repeated hour", () => {
    expect(formatSlot(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("Sunday, November 1, 2026, 1:30 AM EST");
  });
});

describe("formatSlotRange", () => {
  it("writes a range within one morning with a closed-up dash", () => {
    expect(formatSlotRange(slotAt("2026-11-30T14:00:00Z"), "America/New_York")).toBe(
      "Monday, November 30, 2026, 9:00–9:30 AM",
    );
  });

  it("writes both halves of the day when the slot crosses noon", () => {
    expect(formatSlotRange(slotAt("2026-11-30T16:30:00Z"), "America/New_York")).toBe(
      "Monday, November 30, 2026, 11:30 AM – 12:00 PM",
    );
  });

  it("writes both dates when the slot crosses midnight in the display zone", () => {
    expect(formatSlotRange(slotAt("2026-11-30T18:15:00Z"), "Asia/Kolkata")).toBe(
      "Monday, November 30, 2026, 11:45 PM – Tuesday, December 1, 2026, 12:15 AM",
    );
  });

  it("names both zones when the slot spans the moment clocks go back", () => {
    expect(formatSlotRange(slotAt("2026-11-01T05:30:00Z"), "America/New_York")).toBe(
      "Sunday, November 1, 2026, 1:30 AM EDT – 1:00 AM EST",
    );
  });

  it("follows the locale", () => {
    expect(formatSlotRange(slotAt("2026-11-30T14:00:00Z"), "Europe/London", "en-GB")).toMatch(
      /^Monday,? 30 November 2026, 14:00–14:30$/,
    );
  });

  it("uses plain spaces only", () => {
    expect(formatSlotRange(slotAt("2026-11-30T16:30:00Z"), "America/New_York")).not.toMatch(/[\u00a0\u2009\u202f]/);
  });
});

describe("timeZoneLabel", () => {
  it("names the zone as it is at that moment, with its IANA id", () => {
    expect(timeZoneLabel("America/New_York", new Date("2026-11-30T14:00:00Z"))).toBe(
      "Eastern Standard Time (America/New_York)",
    );
    expect(timeZoneLabel("America/New_York", new Date("2026-07-01T14:00:00Z"))).toBe(
      "Eastern Daylight Time (America/New_York)",
    );
    expect(timeZoneLabel("Asia/Kolkata", new Date("2026-11-30T14:00:00Z"))).toBe("India Standard Time (Asia/Kolkata)");
  });

  it("falls back to the offset for a zone without a name", () => {
    expect(timeZoneLabel("Etc/GMT-3", new Date("2026-11-30T14:00:00Z"))).toBe("GMT+03:00 (Etc/GMT-3)");
  });
});

describe("formatCompact and zoneAbbreviation", () => {
  const at = new Date("2026-12-05T05:40:00Z");
  it("writes an instant short, in the zone, with its abbreviation; the year only when it is not now's", () => {
    expect(formatCompact(at, "America/Chicago", new Date("2026-12-20T00:00:00Z"))).toBe("Fri, Dec 4, 11:40 PM CST");
    expect(formatCompact(at, "America/Chicago", new Date("2027-01-02T00:00:00Z"))).toBe("Fri, Dec 4, 2026, 11:40 PM CST");
    expect(zoneAbbreviation(at, "America/New_York")).toBe("EST");
  });
});
