import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";

// Reading a downloaded calendar file the way a calendar does (RFC 5545): CRLF line endings,
// continuation lines (starting with a space or tab) joined back on, then NAME;PARAMS:VALUE.

export type IcsProperty = { name: string; params: string; value: string };

/** The file's properties in order, after checking its line endings and folding. */
export function parseIcs(text: string): IcsProperty[] {
  expect(text.replace(/\r\n/g, ""), "every line ends with CRLF").not.toMatch(/[\r\n]/);
  expect(text.endsWith("\r\n"), "the file ends with CRLF").toBe(true);
  for (const line of text.split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), `folded at 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => {
      const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      expect(match, `a property line: ${line}`).not.toBeNull();
      return { name: match![1]!.toUpperCase(), params: match![2]!, value: match![3]! };
    });
}

/** The value of the one property called `name` inside the first VEVENT. */
export function eventProperty(properties: IcsProperty[], name: string): string {
  const begin = properties.findIndex((property) => property.name === "BEGIN" && property.value === "VEVENT");
  const end = properties.findIndex((property) => property.name === "END" && property.value === "VEVENT");
  const matches = properties.slice(begin + 1, end).filter((property) => property.name === name);
  expect(matches, `one ${name} in the event`).toHaveLength(1);
  return matches[0]!.value;
}

/** An instant as an iCalendar UTC date-time: 20261201T140000Z. */
export const icsUtc = (instant: Date) => instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Clicks "Add to calendar" on the confirmation page and checks the file describes this booking. */
export async function expectCalendarFile(page: Page, reference: string, slot: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`consultation-${reference}.ics`);
  const properties = parseIcs(await readFile((await download.path())!, "utf8"));

  expect(properties[0]).toEqual({ name: "BEGIN", params: "", value: "VCALENDAR" });
  expect(properties.at(-1)).toEqual({ name: "END", params: "", value: "VCALENDAR" });
  expect(properties.filter((property) => property.name === "BEGIN").map((property) => property.value)).toEqual(["VCALENDAR", "VEVENT"]);
  const startsAt = new Date(slot);
  expect(eventProperty(properties, "DTSTART")).toBe(icsUtc(startsAt));
  expect(eventProperty(properties, "DTEND")).toBe(icsUtc(new Date(startsAt.getTime() + 30 * 60_000)));
  expect(eventProperty(properties, "DTSTART")).toMatch(/^\d{8}T\d{6}Z$/);
  expect(eventProperty(properties, "UID")).toContain(reference);
}
