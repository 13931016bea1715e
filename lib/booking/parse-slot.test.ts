import { describe, expect, it } from "vitest";
import { parseSlot } from "./parse-slot";

describe("parseSlot", () => {
  it("reads the instants the forms post", () => {
    expect(parseSlot("2026-12-10T15:00:00.000Z")).toEqual(new Date(Date.UTC(2026, 11, 10, 15)));
    expect(parseSlot("2026-12-10T15:00:00Z")).toEqual(new Date(Date.UTC(2026, 11, 10, 15)));
  });

  it("refuses what Date would read anyway: a bare number, text after a NUL, other formats", () => {
    for (const value of ["", "-1", "0", "2026-12-10T15:00:00.000Z\u00002026-12-10T15:00:00.000Z", "2026-12-10T15:00:00.000Z junk", "Dec 10 2026", "2026-13-45T99:99:99Z", "1e309"]) {
      expect(parseSlot(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});
