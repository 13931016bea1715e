import { describe, expect, it } from "vitest";
import { isKnownTimeZone, resolveTzid } from "./resolve-tzid";

describe("resolveTzid", () => {
  it.each([
    ["Europe/Berlin", "Europe/Berlin"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["UTC", "UTC"],
    ['"Europe/Berlin"', "Europe/Berlin"],
  ])("takes the IANA name %s as it is", (tzid, zone) => expect(resolveTzid(tzid)).toBe(zone));

  it.each([
    ["W. Europe Standard Time", "Europe/Berlin"],
    ["Pacific Standard Time", "America/Los_Angeles"],
    ["GMT Standard Time", "Europe/London"],
    ["Eastern Standard Time", "America/New_York"],
    ["Tokyo Standard Time", "Asia/Tokyo"],
  ])("maps the Windows zone %s", (tzid, zone) => expect(resolveTzid(tzid)).toBe(zone));

  it.each([
    ["/mozilla.org/20050126_1/Europe/London", "Europe/London"],
    ["/softwarestudio.org/Olson_20011030_5/America/New_York", "America/New_York"],
    ["/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["/example.com/W. Europe Standard Time", "Europe/Berlin"],
  ])("finds the zone behind the vendor prefix of %s", (tzid, zone) => expect(resolveTzid(tzid)).toBe(zone));

  it.each([
    ["(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam"],
    ["(UTC-05:00) Eastern Time (US & Canada)", "US/Eastern"],
    ["(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"],
    ["(UTC-03:00) City of Buenos Aires", "America/Buenos_Aires"],
    ["(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Canberra"],
    ["(UTC) Coordinated Universal Time", "Etc/Universal"],
  ])("finds a place with the listed offset in the Windows display name %s", (tzid, zone) => expect(resolveTzid(tzid)).toBe(zone));

  it.each([
    ["an Outlook custom zone", "Customized Time Zone"],
    ["an unknown IANA-like name", "Mars/Olympus_Mons"],
    ["an empty name", ""],
    ["a display name whose places are no zones", "(UTC+01:00) West Central Africa"],
    ["a display name whose place has another offset", "(UTC+01:00) Dublin"],
  ])("resolves %s to nothing", (_, tzid) => expect(resolveTzid(tzid)).toBeUndefined());
});

describe("isKnownTimeZone", () => {
  it("knows IANA names and aliases, not Windows names or nonsense", () => {
    expect(isKnownTimeZone("America/New_York")).toBe(true);
    expect(isKnownTimeZone("US/Eastern")).toBe(true);
    expect(isKnownTimeZone("Eastern Standard Time")).toBe(false);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
