import { expect as baseExpect, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { fetchCalendarEvents } from "../lib/calendars/caldav-calendar";
import { createRadicaleCalendar, putRadicaleEvent, startRadicale, type RadicaleServer } from "../lib/calendars/test-support/radicale";
import { accounts, signIn } from "./admin-session";
import { bookSlot, expect, expectConfirmation, laneSlots, openBookingForm, openSlots, test } from "./booking-fixtures";

// A consultant's real calendar, end to end: an administrator connects the consultant's CalDAV
// calendar (a real Radicale on loopback) in the admin, an event added there takes its time off
// /book after a sync, and a prospect's call lands in that calendar.

const USER = "consultant";
const PASSWORD = "consultant-app-password-1357";
const zone = "America/Chicago";
test.use({ timezoneId: zone });

let radicale: RadicaleServer;
let calendarUrl: string;
test.beforeAll(async () => {
  radicale = await startRadicale({ users: { [USER]: PASSWORD } });
  calendarUrl = await createRadicaleCalendar(radicale, USER, PASSWORD, "work", { displayName: "Work" });
});
test.afterAll(async () => {
  await radicale?.stop();
});

const credentials = () => ({ serverUrl: `${radicale.url}/`, username: USER, password: PASSWORD });

async function eventsInCalendar() {
  const result = await fetchCalendarEvents(credentials(), calendarUrl, { from: new Date(), to: new Date(Date.now() + 400 * 86_400_000) }, null);
  if (!result.changed) throw new Error("asked for everything, told nothing changed");
  return result.objects.flatMap((text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent")).map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  }));
}

function vevent(uid: string, startsAt: Date, minutes: number) {
  const utc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Consultant's own calendar app//EN",
    "BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20260101T000000Z", `DTSTART:${utc(startsAt)}`, `DTEND:${utc(new Date(startsAt.getTime() + minutes * 60_000))}`, "SUMMARY:Dentist",
    "END:VEVENT", "END:VCALENDAR", "",
  ].join("\r\n");
}

async function consultantRow(page: Page) {
  return page.getByRole("row").filter({ hasText: accounts.consultant });
}

test("an administrator connects a consultant's CalDAV calendar: its events take times off /book, and the call booked lands in it", async ({ page, anotherPerson }) => {
  test.slow();
  await signIn(page, "admin", "/admin/accounts");
  const takesCalls = (await consultantRow(page)).getByRole("button", { name: "Takes calls" });
  // On a database kept from a run that stopped half way, the consultant may take calls already.
  if (await takesCalls.isVisible()) {
    await takesCalls.click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
  }
  await expect(await consultantRow(page)).toContainText("takes calls");
  await (await consultantRow(page)).getByRole("link", { name: /Hours & calendars/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E Consultant: hours & calendars" })).toBeVisible();

  const caldav = page.locator("form", { has: page.getByRole("heading", { name: "A CalDAV calendar" }) });
  await caldav.getByLabel("Name", { exact: true }).fill("Work (Radicale)");
  await caldav.getByLabel("Server address").fill(credentials().serverUrl);
  await caldav.getByLabel("Username").fill(USER);
  await caldav.getByLabel("App password").fill("not-the-password");
  await caldav.getByLabel(/^Calendar/).fill("Work");
  await caldav.getByRole("button", { name: "Connect the calendar" }).click();
  await expect(caldav.getByText("The server refused this username and app password")).toBeVisible();
  await expect(caldav.getByLabel("Username"), "what was typed is kept").toHaveValue(USER);
  await caldav.getByLabel("App password").fill(PASSWORD);
  await caldav.getByRole("button", { name: "Connect the calendar" }).click();
  await expect(caldav.getByRole("status")).toContainText('Connected "Work (Radicale)"');
  const listed = page.getByRole("list", { name: "Connected calendars" }).getByRole("listitem");
  await expect(listed).toContainText("Work (Radicale)");
  await expect(listed).toContainText("Calls are put in this calendar.");
  await expect(page.getByText(PASSWORD)).toHaveCount(0);

  // The consultant's own calendar app adds an event over the lane's first open time.
  const prospectPage = await anotherPerson();
  await openBookingForm(prospectPage);
  const [busyTime, freeTime] = await laneSlots(prospectPage, "calendars");
  await putRadicaleEvent(calendarUrl, USER, PASSWORD, "dentist.ics", vevent("dentist-e2e", new Date(busyTime!), 30));
  await listed.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Synced.");
  await expect(page.getByRole("list", { name: "Connected calendars" })).toContainText("1 busy time ahead");

  await openBookingForm(prospectPage);
  const offered = await openSlots(prospectPage);
  baseExpect(offered).not.toContain(busyTime);
  baseExpect(offered).toContain(freeTime);
  await bookSlot(prospectPage, freeTime!);
  const reference = await expectConfirmation(prospectPage, freeTime!, zone);

  await expect.poll(async () => (await eventsInCalendar()).find((event) => event.uid.startsWith(`${reference}@`))?.start, { timeout: 30_000 }).toBe(freeTime);

  // Leave the firm as the other tests found it: no consultants.
  await page.getByRole("list", { name: "Connected calendars" }).getByRole("button", { name: "Disconnect" }).click();
  await page.goto("/admin/accounts");
  await (await consultantRow(page)).getByRole("button", { name: "Stop calls" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
});
