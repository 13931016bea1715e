import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./axe";
import { bookButton, bookSlot, expect, expectConfirmation, laneSlots, openBookingForm, test } from "./booking-fixtures";

// Each render of /book hydrates every open time (issue 10 makes that lighter); on 2 busy cores these
// tests have run close to the default 30 s, so they get three times that.
test.describe.configure({ timeout: 90_000 });

// The end-to-end server offers 130 days of times, some 1,500 radios and labels: one pass of axe
// over all of them takes 10-20 s here. One pass checks the whole form with its errors; the others
// leave out the days after the first five, which repeat the same markup.

const zone = "America/Chicago";
test.use({ timezoneId: zone });

async function expectNoViolationsOnTheFirstDays(page: Page) {
  const { violations } = await new AxeBuilder({ page }).exclude('[aria-label="Open times by day"] > [role="group"]:nth-child(n+6)').analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function showErrors(page: Page) {
  await bookButton(page).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
}

test("the booking form has no accessibility violations, empty and (every day of it) with every error shown", async ({ page }) => {
  test.slow();
  await openBookingForm(page);
  await expectNoViolationsOnTheFirstDays(page);
  await showErrors(page);
  await expectNoAccessibilityViolations(page);
});

test.describe("in the dark color scheme", () => {
  test.use({ colorScheme: "dark" });

  test("the booking form has no accessibility violations, empty and with every error shown", async ({ page }) => {
    await openBookingForm(page);
    await expectNoViolationsOnTheFirstDays(page);
    await showErrors(page);
    await expectNoViolationsOnTheFirstDays(page);
  });
});

test("the confirmation page has no accessibility violations in either color scheme", async ({ page }) => {
  await openBookingForm(page);
  const [slot] = await laneSlots(page, "accessibility");
  await bookSlot(page, slot!);
  await expectConfirmation(page, slot!, zone);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAccessibilityViolations(page);
  }
});
