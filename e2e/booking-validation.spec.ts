import type { Locator, Page } from "@playwright/test";
import { bookButton, consent, expect, expectAnswersKept, field, fillAnswers, openBookingForm, test, timeZoneSelect } from "./booking-fixtures";

// Each render of /book hydrates every open time (issue 10 makes that lighter); on 2 busy cores these
// tests have run close to the default 30 s, so they get three times that.
test.describe.configure({ timeout: 90_000 });

// What a person sees when the form is not right yet, with and without JavaScript: each error next
// to its field and tied to it for assistive technology, a summary that links to them, and every
// answer still there.

const required = [
  { summary: "Full name", message: "Enter your full name", control: (page: Page) => field(page, "Full name") },
  { summary: "Work email", message: "Enter your work email address", control: (page: Page) => field(page, "Work email") },
  { summary: "Company", message: "Enter your company's name", control: (page: Page) => field(page, "Company") },
  { summary: "Company size", message: "Choose your company's size", control: (page: Page) => field(page, "Company size") },
  {
    summary: "What would you like to discuss?",
    message: "Choose what you would like to discuss",
    control: (page: Page) => field(page, "What would you like to discuss?"),
  },
  { summary: "Time", message: "Choose a time for the call", control: (page: Page) => page.getByRole("group", { name: "Choose a time" }) },
  {
    summary: "Privacy notice",
    message: "Agree to the privacy notice so we can contact you about this booking",
    control: (page: Page) => consent(page),
  },
];

const errorSummary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });

/** The error is shown right beside its control: no more than a line away, above or below it. */
async function expectNextTo(error: Locator, control: Locator) {
  const [errorBox, controlBox] = [await error.boundingBox(), await control.boundingBox()];
  const gap = Math.max(0, controlBox!.y - (errorBox!.y + errorBox!.height), errorBox!.y - (controlBox!.y + controlBox!.height));
  expect(gap, "pixels between the error and its field").toBeLessThanOrEqual(40);
}

/** The error for `message` is next to `control`, marks it invalid (unless it is a group) and describes it; the summary links to it. */
async function expectFieldError(page: Page, control: Locator, summaryLabel: string, message: string) {
  await expect(control).toHaveAccessibleDescription(new RegExp(`Error: ${message.replace(/[.?*+^$()[\]{}|\\]/g, "\\$&")}$`));
  const describedBy = (await control.getAttribute("aria-describedby"))!.split(" ");
  const error = page.locator(`[id="${describedBy.at(-1)}"]`);
  await expect(error).toHaveText(`Error: ${message}`);
  await expect(error).toBeVisible();
  await expectNextTo(error, control);
  if ((await control.evaluate((element) => element.tagName)) !== "FIELDSET") await expect(control).toHaveAttribute("aria-invalid", "true");

  const link = errorSummary(page).getByRole("link", { name: `${summaryLabel}: ${message}`, exact: true });
  await expect(link).toBeVisible();
  const target = page.locator((await link.getAttribute("href"))!);
  await expect(target, `the summary's link for ${summaryLabel} leads to its field`).toHaveCount(1);
  if ((await control.evaluate((element) => element.tagName)) === "FIELDSET") {
    await expect(target).toHaveAttribute("type", "radio");
    expect(await control.evaluate((group, radio) => group.contains(radio), await target.elementHandle())).toBe(true);
  } else {
    expect(await target.evaluate((element, other) => element === other, await control.elementHandle())).toBe(true);
  }
}

const typedButIncomplete = {
  fullName: "Ada Lovelace",
  email: "ada@analytical.example",
  jobRole: "Managing Director",
  phone: "12",
  message: "We run two warehouses.\nThe second one opened in May.",
  companySize: "201-1,000 employees",
  topic: "Restructuring the organisation",
};

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    const zone = javaScriptEnabled ? "America/Chicago" : "America/New_York";
    test.use({ javaScriptEnabled, timezoneId: "America/Chicago" });

    test("sending the form empty shows every required field's error beside it and a summary that links to each", async ({ page }) => {
      await openBookingForm(page);
      await bookButton(page).click();

      const summary = errorSummary(page);
      await expect(summary).toBeVisible();
      if (javaScriptEnabled) await expect(summary, "focus moves to the summary").toBeFocused();
      await expect(summary.getByRole("link")).toHaveCount(required.length);
      for (const { summary: label, message, control } of required) await expectFieldError(page, control(page), label, message);
      for (const optional of ["Your role", "Phone", "Anything we should know?"]) {
        await expect(field(page, optional)).not.toHaveAttribute("aria-invalid", "true");
      }
    });

    test("nothing typed is lost when the form comes back with errors", async ({ page }) => {
      await openBookingForm(page);
      await fillAnswers(page, typedButIncomplete);
      await bookButton(page).click();

      const summary = errorSummary(page);
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("link")).toHaveText([
        "Company: Enter your company's name",
        "Phone: Enter a phone number in international format, like +1 212 555 0100",
        "Time: Choose a time for the call",
        "Privacy notice: Agree to the privacy notice so we can contact you about this booking",
      ]);
      await expectFieldError(page, field(page, "Phone"), "Phone", "Enter a phone number in international format, like +1 212 555 0100");
      await expect(field(page, "Phone"), "the hint still describes the phone field").toHaveAccessibleDescription(/^With your country code/);
      await expectAnswersKept(page, typedButIncomplete);
      await expect(field(page, "Company")).toHaveValue("");
      await expect(timeZoneSelect(page)).toHaveValue(zone);
      await expect(consent(page)).not.toBeChecked();
    });
  });
}

test.describe("with JavaScript", () => {
  test.use({ timezoneId: "America/Chicago" });

  test("a mistyped email is pointed out as soon as the person leaves the field, and cleared once fixed", async ({ page }) => {
    await openBookingForm(page);
    const email = field(page, "Work email");
    const message = "Enter an email address like name@company.com";

    await email.fill("x");
    await page.keyboard.press("Tab");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(`Error: ${message}`);
    await expect(page.getByText(`Error: ${message}`, { exact: true })).toBeVisible();
    await expect(field(page, "Company"), "the blur moved on to the next field").toBeFocused();

    await email.fill("ada@analytical.example");
    await page.keyboard.press("Tab");
    await expect(email).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(`Error: ${message}`, { exact: true })).toHaveCount(0);
  });
});
