import { describe, expect, it } from "vitest";
import { buildBookingIcs, type BookingIcsInput } from "./booking-ics";

const input: BookingIcsInput = {
  reference: "OPS-7K2Q9M",
  slot: { startsAt: new Date("2026-11-30T14:00:00Z"), endsAt: new Date("2026-11-30T14:30:00Z") },
  title: "Consultation with SmallBusiness.Management",
  description: "Your operations consultation. Reference OPS-7K2Q9M; to change the time, reply to this email.",
  organizer: { name: "SmallBusiness.Management", email: "hello@SmallBusiness.Management" },
  attendee: { name: "Ada Lovelace", email: "ada@example.com" },
  url: "https://smallbusiness.management/book/confirmed?ref=OPS-7K2Q9M",
  stamp: new Date("2026-11-20T10:15:00Z"),
};

type Property = { name: string; params: string; value: string };

/** Unfolds the physical lines and splits each content line into name, parameters and value. */
function parse(ics: string): Property[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (!match) throw new Error(`Not a content line: ${line}`);
      return { name: match[1]!, params: match[2]!, value: match[3]! };
    });
}

const property = (ics: string, name: string) => parse(ics).filter((p) => p.name === name);
const only = (ics: string, name: string) => {
  const found = property(ics, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const octets = (text: string) => new TextEncoder().encode(text).length;

describe("buildBookingIcs", () => {
  const ics = buildBookingIcs(input);

  it("is one confirmed event in one calendar", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(property(ics, "BEGIN").map((p) => p.value)).toEqual(["VCALENDAR", "VEVENT"]);
    expect(only(ics, "STATUS").value).toBe("CONFIRMED");
    expect(only(ics, "PRODID").value).toBe("-//smallbusiness.management//Consultation booking//EN");
  });

  it("starts and ends at the exact UTC instants of the slot", () => {
    expect(only(ics, "DTSTART")).toEqual({ name: "DTSTART", params: "", value: "20261130T140000Z" });
    expect(only(ics, "DTEND")).toEqual({ name: "DTEND", params: "", value: "20261130T143000Z" });
    expect(only(ics, "DTSTAMP").value).toBe("20261120T101500Z");
  });

  it("has a UID made of the reference and the organizer's domain, the same every time", () => {
    expect(only(ics, "UID").value).toBe("OPS-7K2Q9M@smallbusiness.management");
    expect(buildBookingIcs(input)).toBe(ics);
  });

  it("carries the title, the description (escaped), the link, the organizer and the attendee", () => {
    expect(only(ics, "SUMMARY").value).toBe("Consultation with SmallBusiness.Management");
    expect(only(ics, "DESCRIPTION").value).toBe(
      "Your operations consultation. Reference OPS-7K2Q9M\\; to change the time\\, reply to this email.",
    );
    expect(only(ics, "URL").value).toBe(input.url);
    expect(only(ics, "ORGANIZER")).toEqual({
      name: "ORGANIZER",
      params: ';CN="SmallBusiness.Management"',
      value: "MAILTO:hello@SmallBusiness.Management",
    });
    const attendee = only(ics, "ATTENDEE");
    expect(attendee.params).toContain('CN="Ada Lovelace"');
    expect(attendee.params).toMatch(/;PARTSTAT="?ACCEPTED"?(;|$)/);
    expect(attendee.value).toBe("mailto:ada@example.com");
  });

  it("is a plain event to import, not a request for replies: no METHOD", () => {
    expect(property(ics, "METHOD")).toEqual([]);
  });

  it("ends every line with CRLF and folds lines at 75 octets, counting UTF-8 bytes", () => {
    const long = buildBookingIcs({
      ...input,
      title: "Café consultation for Zoë Ångström — 日本語のお客様 ".repeat(3),
      description: "Straße, naïve, 東京で会いましょう. ".repeat(12),
      attendee: { name: "Zoë Ångström-Østergård, Ph.D. of a rather long organisation name", email: "zoe@example.com" },
    });
    expect(long.endsWith("\r\n")).toBe(true);
    const physical = long.slice(0, -2).split("\r\n");
    expect(physical.length).toBeGreaterThan(parse(long).length);
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(only(long, "SUMMARY").value).toBe("Café consultation for Zoë Ångström — 日本語のお客様 ".repeat(3).trim());
    expect(only(long, "DESCRIPTION").value).toBe("Straße\\, naïve\\, 東京で会いましょう. ".repeat(12));
  });

  it("keeps line breaks in the description as \\n and out of the title and names", () => {
    const tricky = buildBookingIcs({
      ...input,
      title: "Consultation\r\nX-INJECTED:yes",
      description: "Line one\r\nLine two\rLine three",
      attendee: { name: 'Ada "The Countess"\nLovelace', email: "ada@example.com" },
    });
    expect(property(tricky, "X-INJECTED")).toEqual([]);
    expect(only(tricky, "SUMMARY").value).toBe("Consultation X-INJECTED:yes");
    expect(only(tricky, "DESCRIPTION").value).toBe("Line one\\nLine two\\nLine three");
    expect(only(tricky, "ATTENDEE").params).toContain(`CN="Ada 'The Countess' Lovelace"`);
  });

  it("leaves out the attendee and the link when not given", () => {
    const bare = buildBookingIcs({ ...input, attendee: undefined, url: undefined });
    expect(property(bare, "ATTENDEE")).toEqual([]);
    expect(property(bare, "URL")).toEqual([]);
    expect(only(bare, "ORGANIZER").value).toBe("MAILTO:hello@SmallBusiness.Management");
  });

  describe("as an emailed invite", () => {
    const request = buildBookingIcs({ ...input, method: "REQUEST", sequence: 2 });
    const cancel = buildBookingIcs({ ...input, method: "CANCEL", sequence: 3 });

    it("asks to add or update the event with METHOD:REQUEST, confirmed, at the given sequence", () => {
      expect(only(request, "METHOD").value).toBe("REQUEST");
      expect(only(request, "STATUS").value).toBe("CONFIRMED");
      expect(only(request, "SEQUENCE").value).toBe("2");
      expect(only(request, "UID").value).toBe("OPS-7K2Q9M@smallbusiness.management");
      expect(only(request, "ATTENDEE").params).toMatch(/;PARTSTAT="?ACCEPTED"?(;|$)/);
      expect(request.indexOf("METHOD:")).toBeLessThan(request.indexOf("BEGIN:VEVENT"));
    });

    it("cancels the same event with METHOD:CANCEL and STATUS:CANCELLED", () => {
      expect(only(cancel, "METHOD").value).toBe("CANCEL");
      expect(only(cancel, "STATUS").value).toBe("CANCELLED");
      expect(only(cancel, "SEQUENCE").value).toBe("3");
      expect(only(cancel, "UID").value).toBe(only(request, "UID").value);
      expect(only(cancel, "ORGANIZER").value).toBe("MAILTO:hello@SmallBusiness.Management");
      expect(only(cancel, "ATTENDEE").value).toBe("mailto:ada@example.com");
    });

    it("keeps sequence 0 and today's file when neither option is given", () => {
      expect(only(ics, "SEQUENCE").value).toBe("0");
      expect(buildBookingIcs({ ...input, method: undefined, sequence: undefined })).toBe(ics);
    });

    it("refuses an invite with no attendee, or a sequence that is not a whole number ≥ 0", () => {
      expect(() => buildBookingIcs({ ...input, method: "REQUEST", attendee: undefined })).toThrow(/needs an attendee/);
      expect(() => buildBookingIcs({ ...input, sequence: -1 })).toThrow(/sequence/);
      expect(() => buildBookingIcs({ ...input, sequence: 1.5 })).toThrow(/sequence/);
    });
  });

  it("throws when ics rejects the input", () => {
    expect(() => buildBookingIcs({ ...input, attendee: { name: "Ada", email: "not an email" } })).toThrow(
      /OPS-7K2Q9M/,
    );
  });
});
