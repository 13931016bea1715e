import { render } from "@react-email/render";
import { expect, test } from "@playwright/test";
import { createElement, type FunctionComponent } from "react";
import BookingCancelledEmail from "../lib/email/templates/booking-cancelled-email";
import BookingConfirmationEmail from "../lib/email/templates/booking-confirmation-email";
import BookingMovedEmail from "../lib/email/templates/booking-moved-email";
import BookingReminderEmail from "../lib/email/templates/booking-reminder-email";
import StaffBookingChangedEmail from "../lib/email/templates/staff-booking-changed-email";
import StaffNotificationEmail from "../lib/email/templates/staff-notification-email";
import { expectNoAccessibilityViolations } from "./axe";

// Every email, with its preview props, as a phone's mail app shows it: 320 px wide, light and dark.

type Template = FunctionComponent<object> & { PreviewProps: object };
const templates = { BookingConfirmationEmail, BookingReminderEmail, BookingMovedEmail, BookingCancelledEmail, StaffNotificationEmail, StaffBookingChangedEmail } as unknown as Record<string, Template>;

test.use({ viewport: { width: 320, height: 640 } });

// A web page's landmark rules; an email is one piece of content in the mail app's own page.
const notForEmail = { disableRules: ["landmark-one-main", "region"] };

for (const [name, template] of Object.entries(templates)) {
  test(`${name} reads at 320 px without sideways scrolling, and turns dark in dark mode`, async ({ page }) => {
    const html = await render(createElement(template, template.PreviewProps));
    await page.setContent(html);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling").toBeLessThanOrEqual(320);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await expectNoAccessibilityViolations(page, notForEmail);

    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background(), "a dark background in dark mode").not.toBe(light);
    await expectNoAccessibilityViolations(page, notForEmail);
  });
}
