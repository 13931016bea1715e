import { render } from "@react-email/render";
import ICAL from "ical.js";
import { createElement, type FunctionComponent } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { composeOutboxEmail, type BookingEmailKind, type OutboxEmailContext } from "./compose-outbox-email";
import type { EmailMessage } from "./email-message";
import BookingCancelledEmail from "./templates/booking-cancelled-email";
import BookingConfirmationEmail from "./templates/booking-confirmation-email";
import BookingMovedEmail from "./templates/booking-moved-email";
import BookingReminderEmail from "./templates/booking-reminder-email";
import StaffBookingChangedEmail from "./templates/staff-booking-changed-email";
import StaffNotificationEmail from "./templates/staff-notification-email";

const FIRM_FROM = "SmallBusiness.Management <hello@smallbusiness.management>";

function contextFor(kind: BookingEmailKind, changes: Partial<OutboxEmailContext> = {}): OutboxEmailContext {
  const staff = kind.startsWith("STAFF_");
  return {
    kind,
    recipients: staff ? ["ops@smallbusiness.management", "grace@smallbusiness.management"] : ["ada@example.com"],
    lead: {
      id: "cm5lead0000",
      reference: "OPS-7K2Q9M",
      fullName: "Ada Lovelace",
      email: "ada@example.com",
      company: "Analytical Engines",
      jobRole: "Managing Director",
      phone: "+44 20 7946 0958",
      companySize: "SIZE_11_50",
      topic: "DEFINE_ROLE",
      message: "We have grown to 40 people.\nWho should own operations?",
      timeZone: "America/Los_Angeles",
      utmSource: "google",
      utmMedium: "cpc",
      utmCampaign: "coo-hiring",
      utmTerm: null,
      utmContent: null,
      gclid: "Cj0KCQiA-test",
      referrer: "https://www.google.com/",
      landingPage: "https://smallbusiness.management/articles/when-to-hire-a-coo",
      createdAt: new Date("2026-12-08T16:42:00Z"),
    },
    // 10:00 AM in New York (the firm), 7:00 AM in Los Angeles (the prospect).
    call: {
      startsAt: new Date("2026-12-15T15:00:00Z"),
      endsAt: new Date("2026-12-15T15:30:00Z"),
      previousStartsAt: kind.endsWith("MOVED") ? new Date("2026-12-14T17:00:00Z") : null,
      sequence: kind.endsWith("MOVED") ? 1 : kind.endsWith("CANCELLED") ? 2 : 0,
      consultantName: "Grace Hopper",
    },
    manageUrl: staff ? null : "https://smallbusiness.management/book/manage/OPS-7K2Q9M?token=abc",
    adminLeadUrl: "https://smallbusiness.management/admin/leads/cm5lead0000",
    firm: {
      name: "SmallBusiness.Management",
      email: "hello@smallbusiness.management",
      phone: "+1 212 555 0100",
      address: "200 Park Avenue, New York, NY 10166",
      emailFrom: FIRM_FROM,
      timeZone: "America/New_York",
      appUrl: "https://smallbusiness.management",
    },
    stamp: new Date("2026-12-08T16:42:01Z"),
    ...changes,
  };
}

const withLead = (kind: BookingEmailKind, lead: Partial<OutboxEmailContext["lead"]>) => {
  const context = contextFor(kind);
  return { ...context, lead: { ...context.lead, ...lead } };
};

function parseInvite(message: EmailMessage) {
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  expect(attachment!.filename).toBe("invite.ics");
  const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  expect(event).not.toBeNull();
  return { attachment: attachment!, calendar, event };
}

function instantOf(event: ICAL.Component, name: string): Date {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value.toJSDate();
}

const PROSPECT_ADA = '"Ada Lovelace" <ada@example.com>';
const FIRM = "hello@smallbusiness.management";

describe("composeOutboxEmail", () => {
  afterEach(() => vi.useRealTimers());

  it.each<[BookingEmailKind, string, string, string | null]>([
    ["BOOKING_CONFIRMATION", FIRM, "Your call with SmallBusiness.Management on Tuesday, December 15, 2026, 7:00 AM", "REQUEST"],
    ["BOOKING_REMINDER", FIRM, "Reminder: your call with SmallBusiness.Management on Tuesday, December 15, 2026, 7:00 AM", null],
    ["BOOKING_MOVED", FIRM, "Your call with SmallBusiness.Management has moved to Tuesday, December 15, 2026, 7:00 AM", "REQUEST"],
    ["BOOKING_CANCELLED", FIRM, "Cancelled: your call with SmallBusiness.Management on Tuesday, December 15, 2026, 7:00 AM", "CANCEL"],
    ["STAFF_NOTIFICATION", PROSPECT_ADA, "New call: Ada Lovelace (Analytical Engines), Tuesday, December 15, 2026, 10:00 AM", "REQUEST"],
    ["STAFF_BOOKING_MOVED", PROSPECT_ADA, "Moved: Ada Lovelace (Analytical Engines) now Tuesday, December 15, 2026, 10:00 AM", "REQUEST"],
    ["STAFF_BOOKING_CANCELLED", PROSPECT_ADA, "Cancelled: Ada Lovelace (Analytical Engines), Tuesday, December 15, 2026, 10:00 AM", "CANCEL"],
  ])("%s goes to the recipients from the firm, replying to %s, with its subject and invite", async (kind, replyTo, subject, method) => {
    const context = contextFor(kind);
    const message = await composeOutboxEmail(context);
    expect(message.to).toEqual(context.recipients);
    expect(message.from).toBe(FIRM_FROM);
    expect(message.replyTo).toBe(replyTo);
    expect(message.subject).toBe(subject);
    expect(message.html.startsWith("<!DOCTYPE html")).toBe(true);
    expect(message.text).toContain("OPS-7K2Q9M");
    if (method === null) {
      expect(message.attachments).toEqual([]);
    } else {
      const { attachment, calendar } = parseInvite(message);
      expect(attachment.contentType).toBe(`text/calendar; method=${method}`);
      expect(calendar.getFirstPropertyValue("method")).toBe(method);
    }
  });

  it("shows the prospect the call in their own zone, named, with its length", async () => {
    const message = await composeOutboxEmail(contextFor("BOOKING_CONFIRMATION"));
    const when = "Tuesday, December 15, 2026, 7:00–7:30 AM Pacific Standard Time (America/Los_Angeles)";
    expect(message.html).toContain(when);
    expect(message.text).toContain(`When: ${when}`);
    expect(message.text).toContain("Length: 30 minutes");
    expect(message.text).toContain("Manage your booking https://smallbusiness.management/book/manage/OPS-7K2Q9M?token=abc");
    expect(message.text).toContain("calendar invite attached");
    expect(message.text).toContain("hello@smallbusiness.management");
    expect(message.text).toContain("+1 212 555 0100");
    expect(message.text).not.toContain("Eastern");
  });

  it("shows staff everything the prospect gave, the time in both zones, the attribution and the lead's link", async () => {
    const { text } = await composeOutboxEmail(contextFor("STAFF_NOTIFICATION"));
    for (const line of [
      "When (our time): Tuesday, December 15, 2026, 10:00–10:30 AM Eastern Standard Time (America/New_York)",
      "When (their time): Tuesday, December 15, 2026, 7:00–7:30 AM Pacific Standard Time (America/Los_Angeles)",
      "Name: Ada Lovelace",
      "Email: ada@example.com",
      "Company: Analytical Engines",
      "Job role: Managing Director",
      "Phone: +44 20 7946 0958",
      "Company size: 11-50",
      "Topic: Defining a COO or VP of Operations role",
      "Message: We have grown to 40 people.\nWho should own operations?",
      "Source: google",
      "Medium: cpc",
      "Campaign: coo-hiring",
      "Term: —",
      "Content: —",
      "Google click ID (gclid): Cj0KCQiA-test",
      "Landing page: https://smallbusiness.management/articles/when-to-hire-a-coo",
      "Referrer: https://www.google.com/",
      "Open the lead https://smallbusiness.management/admin/leads/cm5lead0000",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("names the zone's summer and winter time either side of a clock change", async () => {
    // New York leaves daylight time on November 1, 2026.
    const context = contextFor("BOOKING_MOVED", {
      call: {
        startsAt: new Date("2026-11-03T15:00:00Z"),
        endsAt: new Date("2026-11-03T15:30:00Z"),
        previousStartsAt: new Date("2026-10-30T14:00:00Z"),
        consultantName: null,
        sequence: 1,
      },
    });
    const message = await composeOutboxEmail({ ...context, lead: { ...context.lead, timeZone: "America/New_York" } });
    expect(message.text).toContain("Now: Tuesday, November 3, 2026, 10:00–10:30 AM Eastern Standard Time (America/New_York)");
    expect(message.text).toContain("Was: Friday, October 30, 2026, 10:00 AM Eastern Daylight Time (America/New_York)");
    expect(message.subject).toBe("Your call with SmallBusiness.Management has moved to Tuesday, November 3, 2026, 10:00 AM");
    const { event } = parseInvite(message);
    expect(instantOf(event, "dtstart")).toEqual(new Date("2026-11-03T15:00:00Z"));
  });

  it("attaches an invite that asks the calendar to add the event, from the firm to the prospect", async () => {
    const context = contextFor("BOOKING_CONFIRMATION");
    const { calendar, event } = parseInvite(await composeOutboxEmail(context));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe("OPS-7K2Q9M@smallbusiness.management");
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.getFirstPropertyValue("summary")).toBe("Call with SmallBusiness.Management");
    expect(event.getFirstPropertyValue("description")).toContain(context.manageUrl);
    expect(event.getFirstPropertyValue("url")).toBe(context.manageUrl);
    const organizer = event.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("MAILTO:hello@smallbusiness.management");
    expect(organizer.getParameter("cn")).toBe("SmallBusiness.Management");
    const attendee = event.getFirstProperty("attendee")!;
    expect(attendee.getFirstValue()).toBe("mailto:ada@example.com");
    expect(attendee.getParameter("cn")).toBe("Ada Lovelace");
    expect(instantOf(event, "dtstart")).toEqual(context.call.startsAt);
    expect(instantOf(event, "dtend")).toEqual(context.call.endsAt);
    expect(instantOf(event, "dtstamp")).toEqual(context.stamp);
  });

  it("moves the same event with a higher sequence", async () => {
    const { calendar, event } = parseInvite(await composeOutboxEmail(contextFor("BOOKING_MOVED")));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe("OPS-7K2Q9M@smallbusiness.management");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("cancels the same event with METHOD:CANCEL, STATUS:CANCELLED and its sequence, and says how to book again", async () => {
    const message = await composeOutboxEmail(contextFor("BOOKING_CANCELLED"));
    const { attachment, calendar, event } = parseInvite(message);
    expect(attachment.contentType).toBe("text/calendar; method=CANCEL");
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("uid")).toBe("OPS-7K2Q9M@smallbusiness.management");
    expect(event.getFirstProperty("attendee")!.getFirstValue()).toBe("mailto:ada@example.com");
    expect(message.text).toContain("Tuesday, December 15, 2026, 7:00–7:30 AM Pacific Standard Time (America/Los_Angeles) is cancelled");
    expect(message.text).toContain("Book a call https://smallbusiness.management/book");
    expect(message.text).not.toContain("Manage your booking");
  });

  it("gives staff their own copy of the invite, pointing at the lead", async () => {
    const { event } = parseInvite(await composeOutboxEmail(contextFor("STAFF_NOTIFICATION")));
    expect(event.getFirstPropertyValue("uid")).toBe("OPS-7K2Q9M@smallbusiness.management");
    expect(event.getFirstPropertyValue("summary")).toBe("Call with Ada Lovelace (Analytical Engines)");
    expect(event.getFirstPropertyValue("url")).toBe("https://smallbusiness.management/admin/leads/cm5lead0000");
  });

  it("tells staff what changed, in the firm's zone", async () => {
    const moved = await composeOutboxEmail(contextFor("STAFF_BOOKING_MOVED"));
    expect(moved.text).toContain("Ada Lovelace moved their call");
    expect(moved.text).toContain("Now: Tuesday, December 15, 2026, 10:00–10:30 AM Eastern Standard Time (America/New_York)");
    expect(moved.text).toContain("Was: Monday, December 14, 2026, 12:00 PM Eastern Standard Time (America/New_York)");
    expect(moved.text).toContain("Open the lead https://smallbusiness.management/admin/leads/cm5lead0000");
    const cancelled = await composeOutboxEmail(contextFor("STAFF_BOOKING_CANCELLED"));
    expect(cancelled.text).toContain("Ada Lovelace cancelled their call");
    expect(cancelled.text).toContain("Was: Tuesday, December 15, 2026, 10:00–10:30 AM Eastern Standard Time (America/New_York)");
    expect(parseInvite(cancelled).calendar.getFirstPropertyValue("method")).toBe("CANCEL");
  });

  describe("with a hostile name and company", () => {
    const fullName = "Ada <script>alert(1)</script>\r\nBcc: x@y.z";
    const company = 'Evil "Co"\nX-Injected: yes';
    const kinds = Object.keys({
      BOOKING_CONFIRMATION: 0,
      STAFF_NOTIFICATION: 0,
      BOOKING_REMINDER: 0,
      BOOKING_MOVED: 0,
      BOOKING_CANCELLED: 0,
      STAFF_BOOKING_MOVED: 0,
      STAFF_BOOKING_CANCELLED: 0,
    } satisfies Record<BookingEmailKind, 0>) as BookingEmailKind[];

    it.each(kinds)("%s escapes it in HTML, shows it as text, and keeps it out of the headers' line structure", async (kind) => {
      const message = await composeOutboxEmail(withLead(kind, { fullName, company }));
      expect(message.html).not.toContain("<script");
      expect(message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(message.text).toContain("Ada <script>alert(1)</script>");
      for (const header of [message.subject, message.replyTo!, message.from, ...message.to]) {
        expect(header).not.toMatch(/[\r\n\x00-\x1f\x7f]/);
      }
      if (kind.startsWith("STAFF_")) {
        expect(message.replyTo).toBe('"Ada <script>alert(1)</script> Bcc: x@y.z" <ada@example.com>');
        expect(message.subject).toContain('Ada <script>alert(1)</script> Bcc: x@y.z (Evil "Co" X-Injected: yes)');
      }
      for (const attachment of message.attachments) {
        const ics = attachment.content.toString("utf8").replace(/\r\n[ \t]/g, "");
        expect(ics).not.toMatch(/^(BCC|X-INJECTED)/im);
        const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
        expect(event.getFirstProperty("attendee")!.getParameter("cn")).toBe("Ada <script>alert(1)</script> Bcc: x@y.z");
      }
    });
  });

  it("is deterministic: the same context gives the same bytes, whatever the clock says", async () => {
    for (const kind of ["BOOKING_CONFIRMATION", "STAFF_NOTIFICATION", "BOOKING_CANCELLED"] as const) {
      vi.useFakeTimers({ now: new Date("2026-12-09T08:00:00Z"), toFake: ["Date"] });
      const first = await composeOutboxEmail(contextFor(kind));
      vi.setSystemTime(new Date("2026-12-10T19:30:00Z"));
      const second = await composeOutboxEmail(contextFor(kind));
      vi.useRealTimers();
      expect(second).toEqual(first);
      expect(second.html).toBe(first.html);
      expect(second.text).toBe(first.text);
      expect(second.attachments[0]!.content.equals(first.attachments[0]!.content)).toBe(true);
    }
  });

  it("without a manage link (the booking has since been cancelled), says to reply instead", async () => {
    for (const kind of ["BOOKING_CONFIRMATION", "BOOKING_MOVED", "BOOKING_REMINDER"] as const) {
      const message = await composeOutboxEmail(contextFor(kind, { manageUrl: null }));
      expect(message.text).not.toContain("Manage your booking");
      expect(message.text).toContain("To move or cancel the call, reply to this email.");
      for (const { content } of message.attachments) expect(content.toString("utf8")).not.toContain("URL:");
    }
  });

  it("refuses a move without the previous time", async () => {
    const moved = contextFor("BOOKING_MOVED");
    await expect(composeOutboxEmail({ ...moved, call: { ...moved.call, previousStartsAt: null } })).rejects.toThrow(/previousStartsAt/);
  });
});

describe("the templates", () => {
  const preview = <P extends object>(Template: FunctionComponent<P> & { PreviewProps: P }) => createElement(Template, Template.PreviewProps);
  const previews = {
    BookingConfirmationEmail: preview(BookingConfirmationEmail),
    BookingReminderEmail: preview(BookingReminderEmail),
    BookingMovedEmail: preview(BookingMovedEmail),
    BookingCancelledEmail: preview(BookingCancelledEmail),
    StaffNotificationEmail: preview(StaffNotificationEmail),
    StaffBookingChangedEmail: preview(StaffBookingChangedEmail),
  };

  it.each(Object.entries(previews))("%s renders its PreviewProps fluid, with dark-mode overrides", async (_name, email) => {
    const html = await render(email);
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toContain('class="email-card"');
    expect(html).toContain("max-width:560px;width:100%");
    expect(html).toContain("SmallBusiness.Management");
    expect(html).not.toMatch(/[^-]width:\s*\d+px/);
  });
});
