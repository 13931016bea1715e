import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email";
import BookingConfirmationEmail from "./templates/booking-confirmation-email";
import CalendarSyncFailedEmail from "./templates/calendar-sync-failed-email";
import StaffNotificationEmail from "./templates/staff-notification-email";

type Template = FunctionComponent<object> & { PreviewProps: object };
const templates = { BookingConfirmationEmail, StaffNotificationEmail, CalendarSyncFailedEmail } as unknown as Record<string, Template>;

describe("an email's two parts from one render", () => {
  it.each(Object.keys(templates))("%s: the text is what a second render as plain text gives, headings as written", async (name) => {
    const template = templates[name]!;
    const body = createElement(template, template.PreviewProps);
    const { html, text } = await renderEmail(body);
    expect(html).toBe(await render(body));
    const heading = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1];
    expect(heading, "the template has a heading").toBeTruthy();
    expect(text).toContain(heading);
    expect(text).toBe(
      await render(body, {
        plainText: true,
        htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }, { selector: "h2", options: { uppercase: false } }] },
      }),
    );
  });
});
