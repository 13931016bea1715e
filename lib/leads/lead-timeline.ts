import type { OutboxKind } from "../db/generated/enums";
import type { LeadDetail } from "./get-lead";

export type TimelineEntry = { at: Date; what: string; who?: string; body?: string };

const emailNames: Record<OutboxKind, string> = {
  BOOKING_CONFIRMATION: "confirmation",
  STAFF_NOTIFICATION: "staff notification",
  BOOKING_REMINDER: "reminder",
  BOOKING_MOVED: "updated invite",
  BOOKING_CANCELLED: "cancellation",
  STAFF_BOOKING_MOVED: "staff notice of the move",
  STAFF_BOOKING_CANCELLED: "staff notice of the cancellation",
  CALENDAR_EVENT: "consultant's calendar updated",
  CALENDAR_SYNC_FAILED: "calendar sync alert",
};

const auditNames: Record<string, (detail: Record<string, unknown>) => string> = {
  "lead.status": (detail) => `Status changed from ${String(detail.from).toLowerCase()} to ${String(detail.to).toLowerCase()}`,
  "lead.owner": () => "Owner changed",
  "email.retry": () => "Failed email sent again",
  "booking.moved_by_prospect": () => "The prospect moved the call",
  "booking.cancelled_by_prospect": () => "The prospect cancelled the call",
};

/** Everything that happened to a lead, oldest first. */
export function leadTimeline(lead: LeadDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: lead.createdAt, what: "Booked a call" }];
  for (const email of lead.outbox) {
    const name = emailNames[email.kind] ?? email.kind;
    if (email.sentAt) entries.push({ at: email.sentAt, what: `Email sent: ${name}` });
    if (email.status === "FAILED") entries.push({ at: email.createdAt, what: `Email failed: ${name}`, body: email.lastError ?? undefined });
    for (const event of email.events) entries.push({ at: event.occurredAt, what: `Email ${event.type.toLowerCase().replace("_", " ")}: ${name}` });
  }
  for (const event of lead.auditEvents) {
    const describe = auditNames[event.action];
    if (describe) entries.push({ at: event.createdAt, what: describe((event.detail ?? {}) as Record<string, unknown>), who: event.actor?.name });
  }
  // A note's own audit event adds nothing the note itself does not show.
  for (const note of lead.notes) entries.push({ at: note.createdAt, what: "Note", who: note.author.name, body: note.body });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
