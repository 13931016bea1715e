import { describe, expect, it } from "vitest";
import { wallClockAt, wallClockToInstant } from "./wall-clock";

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0 });
const iso = (instant: number) => new Date(instant).toISOString();

describe("wallClockToInstant", () => {
  it("applies the zone's offset of that day", () => {
    expect(iso(wallClockToInstant(at(2027, 1, 15, 10), "Europe/Berlin"))).toBe("2027-01-15T09:00:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 7, 15, 10), "Europe/Berlin"))).toBe("2027-07-15T08:00:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 7, 15, 10), "Asia/Kolkata"))).toBe("2027-07-15T04:30:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 7, 15, 10), "UTC"))).toBe("2027-07-15T10:00:00.000Z");
  });

  it("reads a time in the spring-forward gap with the offset from before it (RFC 5545: 02:30 is 03:30 EDT)", () => {
    expect(iso(wallClockToInstant(at(2027, 3, 14, 2, 30), "America/New_York"))).toBe("2027-03-14T07:30:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 3, 28, 2, 30), "Europe/Berlin"))).toBe("2027-03-28T01:30:00.000Z");
  });

  it("reads a time that occurs twice, when clocks go back, as the first of the two", () => {
    expect(iso(wallClockToInstant(at(2027, 11, 7, 1, 30), "America/New_York"))).toBe("2027-11-07T05:30:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 10, 31, 2, 30), "Europe/Berlin"))).toBe("2027-10-31T00:30:00.000Z");
  });

  it("finds midnight on the days clocks change", () => {
    expect(iso(wallClockToInstant(at(2027, 3, 28, 0), "Europe/Berlin"))).toBe("2027-03-27T23:00:00.000Z");
    expect(iso(wallClockToInstant(at(2027, 3, 29, 0), "Europe/Berlin"))).toBe("2027-03-28T22:00:00.000Z");
  });
});

describe("wallClockAt", () => {
  it("shows the zone's wall clock at an instant", () => {
    expect(wallClockAt(Date.parse("2027-03-29T08:00:00Z"), "Europe/Berlin")).toEqual(at(2027, 3, 29, 10));
    expect(wallClockAt(Date.parse("2027-03-22T09:00:00Z"), "Europe/Berlin")).toEqual(at(2027, 3, 22, 10));
    expect(wallClockAt(Date.parse("2027-01-01T03:00:00Z"), "America/Los_Angeles")).toEqual(at(2026, 12, 31, 19));
  });
});
