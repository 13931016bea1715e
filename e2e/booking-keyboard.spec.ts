import type { Locator, Page } from "@playwright/test";
import { groupSlotsByDay } from "../lib/booking/slot-display";
import {
  bookButton,
  consent,
  expect,
  expectConfirmation,
  field,
  laneSlots,
  openBookingForm,
  openSlots,
  prospect,
  dayOnForm,
  test,
  timeOnForm,
  timeZoneSelect,
} from "./booking-fixtures";

// Typing every field key by key on 2 busy cores has run close to the default 30 s: give it three times that.
test.describe.configure({ timeout: 90_000 });

const zone = "America/Chicago";
test.use({ timezoneId: zone });

/** Presses Tab until `target` has focus, at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit: number) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} not reached in ${limit} presses of Tab`);
}

/** One press of Tab moves focus to `next`. */
async function tabOnceTo(page: Page, next: Locator) {
  await page.keyboard.press("Tab");
  await expect(next).toBeFocused();
}

test("a keyboard-only user books from the top of the page with Tab, typing, arrows, Space and Enter", async ({ page }) => {
  await openBookingForm(page);
  const answers = prospect();
  // The second time of this test's day: the arrow keys walk to its day from the first day on the
  // row, and to the time from the first time of that day.
  const slot = (await laneSlots(page, "keyboard"))[1]!;
  const days = groupSlotsByDay((await openSlots(page)).map((iso) => ({ startsAt: new Date(iso), endsAt: new Date(iso) })), zone);
  const dayIndex = days.findIndex((day) => day.slots.some((time) => time.value === slot));
  const dayTimes = days[dayIndex]!.slots.map((time) => time.value);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await tabTo(page, field(page, "Full name"), 10);
  await page.keyboard.type(answers.fullName);
  await tabOnceTo(page, field(page, "Work email"));
  await page.keyboard.type(answers.email);
  await tabOnceTo(page, field(page, "Company"));
  await page.keyboard.type(answers.company);
  await tabOnceTo(page, field(page, "Your role"));
  await page.keyboard.type(answers.jobRole);
  await tabOnceTo(page, field(page, "Phone"));
  await page.keyboard.type(answers.phone);
  await tabOnceTo(page, field(page, "Company size"));
  await page.keyboard.type("51"); // a closed select jumps to the option its typed text begins
  await expect(field(page, "Company size").locator("option:checked")).toHaveText("51-200 employees");
  await tabOnceTo(page, field(page, "What would you like to discuss?"));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(field(page, "What would you like to discuss?").locator("option:checked")).toHaveText("Operations strategy");
  await tabOnceTo(page, field(page, "Anything we should know?"));
  await page.keyboard.type("Line one.");
  await page.keyboard.press("Enter"); // a new line in the text area, not a submission
  await page.keyboard.type("Line two.");
  await expect(field(page, "Anything we should know?")).toHaveValue("Line one.\nLine two.");
  await tabOnceTo(page, timeZoneSelect(page));
  await expect(timeZoneSelect(page)).toHaveValue(zone);

  const laneDay = await dayOnForm(page, slot);
  await tabOnceTo(page, (await dayOnForm(page, days[0]!.slots[0]!.value)).radio);
  for (let step = 0; step < dayIndex; step++) await page.keyboard.press("ArrowRight");
  await expect(laneDay.radio).toBeFocused();
  await expect(laneDay.radio).toBeChecked();
  await tabOnceTo(page, (await timeOnForm(page, dayTimes[0]!)).radio);
  for (let step = 0; step < dayTimes.indexOf(slot); step++) await page.keyboard.press("ArrowDown");
  const { radio } = await timeOnForm(page, slot);
  await expect(radio).toBeFocused();
  await expect(radio).toBeChecked();

  await tabOnceTo(page, consent(page));
  await page.keyboard.press("Space");
  await expect(consent(page)).toBeChecked();
  await tabOnceTo(page, page.getByRole("link", { name: "privacy notice" }));
  await tabOnceTo(page, bookButton(page));
  await page.keyboard.press("Enter");

  await expectConfirmation(page, slot, zone);
});
