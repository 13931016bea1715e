import { bookingUid, buildBookingIcs } from "../booking/booking-ics";
import { topicLabels } from "../booking/booking-choices";
import type { PrismaClient } from "../db/generated/client";
import type { ClaimedMessage } from "../outbox/claim-due-messages";
import type { DeliveryResult } from "../outbox/settle-message";
import { CalDavError, deleteEvent, putEvent } from "./caldav-calendar";
import { MISSING_KEY_MESSAGE, type CalendarSettings } from "./calendar-settings";
import { openCalendarSource } from "./calendar-source";

export type Organizer = { name: string; email: string };

/**
 * Brings one CalDAV calendar up to date with one booking: the call as it stands now when it is
 * confirmed and still this consultant's, else no event. Whatever order the rows of a booking's
 * moves and cancellation are delivered in, the calendar ends up right.
 */
export function calendarEventDelivery(db: PrismaClient, settings: CalendarSettings, organizer: Organizer) {
  return async function deliver(claim: ClaimedMessage): Promise<DeliveryResult> {
    const row = await db.outboxMessage.findUnique({
      where: { id: claim.id },
      include: { calendar: true, lead: { include: { booking: true } } },
    });
    const calendar = row?.calendar;
    if (!calendar || calendar.kind !== "CALDAV") return { kind: "withdrawn", reason: "the calendar was disconnected" };
    const lead = row.lead;
    if (!lead?.booking) return { kind: "withdrawn", reason: "the lead was erased" };
    if (!settings.key) return { kind: "failed", retryable: true, error: MISSING_KEY_MESSAGE };
    const source = openCalendarSource(calendar.secret, calendar.id, settings.key);
    if (source.kind !== "CALDAV") return { kind: "withdrawn", reason: "not a CalDAV calendar" };
    const { booking } = lead;
    const uid = bookingUid(lead.reference, organizer.email);
    try {
      if (booking.status === "CONFIRMED" && booking.consultantId === calendar.consultantId) {
        const adminLeadUrl = `${settings.appUrl}/admin/leads/${lead.id}`;
        const ics = buildBookingIcs({
          reference: lead.reference,
          slot: { startsAt: booking.startsAt, endsAt: booking.endsAt },
          title: `Call with ${lead.fullName} (${lead.company})`,
          description: `${topicLabels[lead.topic]}. Reference ${lead.reference}. Lead: ${adminLeadUrl}${lead.message ? `\n\n${lead.message}` : ""}`,
          organizer,
          attendee: { name: lead.fullName, email: lead.email },
          url: adminLeadUrl,
          sequence: booking.sequence,
          stamp: booking.updatedAt,
        });
        await putEvent(source, source.calendarUrl, uid, ics, settings.fetch);
      } else {
        await deleteEvent(source, source.calendarUrl, uid, settings.fetch);
      }
      return { kind: "sent", providerMessageId: null };
    } catch (error) {
      const retryable = error instanceof CalDavError ? error.isRetryable || error.status === 401 || error.status === 403 : true;
      return { kind: "failed", retryable, error: (error as Error).message };
    }
  };
}
