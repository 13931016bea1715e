import type { Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./axe";
import { bookButton, bookSlot, expect, expectConfirmation, laneSlots, openBookingForm, test } from "./booking-fixtures";

// A pass of axe over the form (with the row of 90-odd days the e2e horizon offers) has taken 10-20 s
// on 2 busy cores, and the form tests make two: they get three times the 90 s the others have.
test.describe.configure({ timeout: 90_000 });

const zone = "America/Chicago";
test.use({ timezoneId: zone });

async function showErrors(page: Page) {
  await bookButton(page).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
}

test("the booking form has no accessibility violations, empty and with every error shown", async ({ page }) => {
  test.slow();
  await openBookingForm(page);
  await expectNoAccessibilityViolations(page);
  await showErrors(page);
  await expectNoAccessibilityViolations(page);
});

test.describe("in the dark color scheme", () => {
  test.use({ colorScheme: "dark" });

  test("the booking form has no accessibility violations, empty and with every error shown", async ({ page }) => {
    test.slow();
    await openBookingForm(page);
    await expectNoAccessibilityViolations(page);
    await showErrors(page);
    await expectNoAccessibilityViolations(page);
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
