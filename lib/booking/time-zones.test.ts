import { describe, expect, it } from "vitest";
import { isTimeZone, resolveTimeZone, timeZoneOptions } from "./time-zones";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("isTimeZone", () => {
  it.each(["America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Calcutta", "America/Argentina/Buenos_Aires", "UTC", "Etc/UTC"])(
    "accepts %s",
    (zone) => expect(isTimeZone(zone)).toBe(true),
  );

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an offset", "+05:30"],
    ["an Etc offset zone", "Etc/GMT+5"],
    ["empty", ""],
    ["a trailing newline", "America/New_York\n"],
    ["a path", "../America/New_York"],
    ["something very long", `America/${"A".repeat(80)}`],
  ])("rejects %s", (_, zone) => expect(isTimeZone(zone)).toBe(false));
});

describe("timeZoneOptions", () => {
  const options = timeZoneOptions(winter);
  const values = options.map((option) => option.value);
  const labelOf = (zone: string, at = winter) =>
    timeZoneOptions(at).find((option) => option.value === resolveTimeZone(zone, "UTC"))?.label;

  it("lists the runtime's zones plus UTC, sorted, each once", () => {
    expect(values.length).toBeGreaterThan(300);
    expect(values).toContain("UTC");
    expect(values).toContain("America/New_York");
    expect(values).toEqual([...values].sort());
    expect(new Set(values).size).toBe(values.length);
  });

  it("labels each zone with its offset at the given moment", () => {
    expect(labelOf("America/New_York")).toBe("America/New_York (GMT-05:00)");
    expect(labelOf("America/New_York", summer)).toBe("America/New_York (GMT-04:00)");
    expect(labelOf("UTC")).toBe("UTC (GMT+00:00)");
    expect(labelOf("Asia/Kolkata")).toMatch(/^Asia\/(Kolkata|Calcutta) \(GMT\+05:30\)$/);
    expect(labelOf("Asia/Kathmandu")).toMatch(/^Asia\/Kath?mandu \(GMT\+05:45\)$/);
    expect(labelOf("America/St_Johns")).toBe("America/St_Johns (GMT-03:30)");
  });

  it("offers only values that isTimeZone accepts and resolveTimeZone keeps unchanged", () => {
    for (const value of values) {
      expect(isTimeZone(value)).toBe(true);
      expect(resolveTimeZone(value, "UTC")).toBe(value);
    }
  });
});

describe("resolveTimeZone", () => {
  it("keeps a valid candidate, trimmed", () => {
    expect(resolveTimeZone("Europe/London", "America/New_York")).toBe("Europe/London");
    expect(resolveTimeZone(" Europe/London ", "America/New_York")).toBe("Europe/London");
  });

  it("spells an alias the way the picker does, so the picker can preselect it", () => {
    const values = timeZoneOptions(winter).map((option) => option.value);
    const kolkata = resolveTimeZone("Asia/Kolkata", "America/New_York");
    expect(["Asia/Kolkata", "Asia/Calcutta"]).toContain(kolkata);
    expect(values).toContain(kolkata);
    expect(resolveTimeZone("Etc/UTC", "America/New_York")).toBe("UTC");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["unknown", "Mars/Olympus_Mons"],
    ["an offset", "+05:30"],
  ])("falls back when the candidate is %s", (_, candidate) => {
    expect(resolveTimeZone(candidate, "America/New_York")).toBe("America/New_York");
  });

  it("throws when the fallback is no time zone, rather than carrying a bad zone further", () => {
    expect(() => resolveTimeZone(undefined, "Nowhere/Special")).toThrow(RangeError);
  });
});
