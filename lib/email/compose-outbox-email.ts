import { createElement, type ReactElement } from "react";
import { buildBookingIcs } from "../booking/booking-ics";
import { topicLabels } from "../booking/booking-choices";
import type { Slot } from "../booking/generate-slots";
import { formatSlot } from "../booking/slot-display";
import type { OutboxKind } from "../db/generated/enums";
import { headerSafe, mailbox } from "./email-address";
import type { EmailLead } from "./email-lead";
import type { EmailAttachment, EmailMessage } from "./email-message";
import BookingCancelledEmail from "./templates/booking-cancelled-email";
import BookingConfirmationEmail from "./templates/booking-confirmation-email";
import BookingMovedEmail from "./templates/booking-moved-email";
import BookingReminderEmail from "./templates/booking-reminder-email";
import { renderEmail } from "./render-email";
import { callMinutes } from "./templates/email-layout";
import StaffBookingChangedEmail from "./templates/staff-booking-changed-email";
import StaffNotificationEmail from "./templates/staff-notification-email";

/** The outbox rows that are emails about a booking (the others write calendars or alert staff). */
export type BookingEmailKind = Exclude<OutboxKind, "CALENDAR_EVENT" | "CALENDAR_SYNC_FAILED">;

export function isBookingEmailKind(kind: OutboxKind): kind is BookingEmailKind {
  return kind !== "CALENDAR_EVENT" && kind !== "CALENDAR_SYNC_FAILED";
}

export type OutboxEmailContext = {
  kind: BookingEmailKind;
  recipients: string[];
  lead: EmailLead;
  call: { startsAt: Date; endsAt: Date; previousStartsAt: Date | null; sequence: number; consultantName: string | null };
  /** The prospect's link to move or cancel; null for staff kinds, or once the booking is cancelled. */
  manageUrl: string | null;
  /** APP_URL/admin/leads/<id> */
  adminLeadUrl: string;
  firm: { name: string; email: string; phone?: string; address?: string; emailFrom: string; timeZone: string; appUrl: string };
  /** DTSTAMP for the invite; the outbox row's createdAt so retries are byte-identical. */
  stamp: Date;
};

type Invite = { method: "REQUEST" | "CANCEL"; audience: "prospect" | "staff" };
type Draft = { subject: string; replyTo: string; body: ReactElement; invite?: Invite };

/**
 * The email an outbox row stands for, rendered and addressed. The same context always gives the
 * same bytes, as Resend's idempotency check on a retried send requires.
 */
export async function composeOutboxEmail(context: OutboxEmailContext): Promise<EmailMessage> {
  const draft = draftEmail(context);
  const { html, text } = await renderEmail(draft.body);
  return {
    from: headerSafe(context.firm.emailFrom, 998),
    to: [...context.recipients],
    replyTo: draft.replyTo,
    subject: headerSafe(draft.subject),
    html,
    text,
    attachments: draft.invite ? [inviteAttachment(context, draft.invite)] : [],
  };
}

function draftEmail(context: OutboxEmailContext): Draft {
  const { kind, lead, firm } = context;
  const call: Slot = { startsAt: context.call.startsAt, endsAt: context.call.endsAt };
  const { consultantName } = context.call;
  const prospect = { firm, fullName: lead.fullName, reference: lead.reference, call, timeZone: lead.timeZone, consultantName };
  const theirTime = formatSlot(call.startsAt, lead.timeZone);
  const ourTime = formatSlot(call.startsAt, firm.timeZone);
  const who = `${headerSafe(lead.fullName, 60)} (${headerSafe(lead.company, 60)})`;
  const missing = (what: string): never => {
    throw new Error(`composeOutboxEmail: ${kind} for ${lead.reference} needs ${what}`);
  };
  const previousStartsAt = () => context.call.previousStartsAt ?? missing("call.previousStartsAt");
  const replyToFirm = headerSafe(firm.email);
  const replyToProspect = () => mailbox(lead.fullName, lead.email);

  switch (kind) {
    case "BOOKING_CONFIRMATION":
      return {
        subject: `Your call with ${firm.name} on ${theirTime}`,
        replyTo: replyToFirm,
        body: createElement(BookingConfirmationEmail, { ...prospect, manageUrl: context.manageUrl }),
        invite: { method: "REQUEST", audience: "prospect" },
      };
    case "BOOKING_REMINDER":
      return {
        subject: `Reminder: your call with ${firm.name} on ${theirTime}`,
        replyTo: replyToFirm,
        body: createElement(BookingReminderEmail, { ...prospect, manageUrl: context.manageUrl }),
      };
    case "BOOKING_MOVED":
      return {
        subject: `Your call with ${firm.name} has moved to ${theirTime}`,
        replyTo: replyToFirm,
        body: createElement(BookingMovedEmail, { ...prospect, previousStartsAt: previousStartsAt(), manageUrl: context.manageUrl }),
        invite: { method: "REQUEST", audience: "prospect" },
      };
    case "BOOKING_CANCELLED":
      return {
        subject: `Cancelled: your call with ${firm.name} on ${theirTime}`,
        replyTo: replyToFirm,
        body: createElement(BookingCancelledEmail, { ...prospect, bookUrl: bookUrl(firm.appUrl) }),
        invite: { method: "CANCEL", audience: "prospect" },
      };
    case "STAFF_NOTIFICATION":
      return {
        subject: `New call: ${who}, ${ourTime}`,
        replyTo: replyToProspect(),
        body: createElement(StaffNotificationEmail, { firm, lead, call, consultantName, adminLeadUrl: context.adminLeadUrl }),
        invite: { method: "REQUEST", audience: "staff" },
      };
    case "STAFF_BOOKING_MOVED":
      return {
        subject: `Moved: ${who} now ${ourTime}`,
        replyTo: replyToProspect(),
        body: createElement(StaffBookingChangedEmail, {
          firm,
          lead,
          call,
          change: { kind: "moved", previousStartsAt: previousStartsAt() },
          consultantName,
          adminLeadUrl: context.adminLeadUrl,
        }),
        invite: { method: "REQUEST", audience: "staff" },
      };
    case "STAFF_BOOKING_CANCELLED":
      return {
        subject: `Cancelled: ${who}, ${ourTime}`,
        replyTo: replyToProspect(),
        body: createElement(StaffBookingChangedEmail, { firm, lead, call, change: { kind: "cancelled" }, consultantName, adminLeadUrl: context.adminLeadUrl }),
        invite: { method: "CANCEL", audience: "staff" },
      };
  }
  const unknown: never = kind;
  throw new Error(`composeOutboxEmail: no email for outbox kind ${String(unknown)}`);
}

// Staff get the invite too, so the call sits in their calendars and follows its moves and
// cancellation there (same UID, same SEQUENCE as the prospect's copy).
function inviteAttachment(context: OutboxEmailContext, { method, audience }: Invite): EmailAttachment {
  const { lead, firm } = context;
  const slot = { startsAt: context.call.startsAt, endsAt: context.call.endsAt };
  const cancelled = method === "CANCEL";
  const forProspect = audience === "prospect";
  const description = forProspect
    ? cancelled
      ? `Cancelled: your call with ${firm.name}. Reference ${lead.reference}. To book another: ${bookUrl(firm.appUrl)}`
      : `Your ${callMinutes(slot)}-minute call with ${firm.name}. Reference ${lead.reference}.` +
        (context.manageUrl ? ` To move or cancel: ${context.manageUrl}` : "")
    : `${cancelled ? "Cancelled. " : ""}${topicLabels[lead.topic]}. Reference ${lead.reference}. Lead: ${context.adminLeadUrl}`;
  const ics = buildBookingIcs({
    reference: lead.reference,
    slot,
    title: forProspect ? `Call with ${firm.name}` : `Call with ${lead.fullName} (${lead.company})`,
    description,
    organizer: { name: firm.name, email: firm.email },
    attendee: { name: lead.fullName, email: lead.email },
    url: forProspect ? (context.manageUrl ?? undefined) : context.adminLeadUrl,
    stamp: context.stamp,
    method,
    sequence: context.call.sequence,
  });
  // No charset parameter needed: text/calendar defaults to UTF-8 (RFC 5545, section 3.1.4).
  return { filename: "invite.ics", contentType: `text/calendar; method=${method}`, content: Buffer.from(ics, "utf8") };
}

const bookUrl = (appUrl: string) => `${appUrl.replace(/\/+$/, "")}/book`;
