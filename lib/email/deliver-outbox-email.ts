import { manageToken } from "../booking/manage-token";
import type { PrismaClient } from "../db/generated/client";
import type { ClaimedMessage } from "../outbox/claim-due-messages";
import type { DeliveryResult } from "../outbox/settle-message";
import { composeOutboxEmail, isBookingEmailKind } from "./compose-outbox-email";
import type { EmailTransport } from "./email-message";
import type { EmailSettings } from "./email-settings";

const STAFF_KINDS = new Set(["STAFF_NOTIFICATION", "STAFF_BOOKING_MOVED", "STAFF_BOOKING_CANCELLED"]);

/** Renders a claimed outbox row as the email it owes and hands it to the transport. */
export function outboxEmailDelivery(db: PrismaClient, transport: EmailTransport, settings: EmailSettings) {
  return async function deliver(claim: ClaimedMessage): Promise<DeliveryResult> {
    const row = await db.outboxMessage.findUnique({ where: { id: claim.id }, include: { lead: { include: { booking: { include: { consultant: { select: { name: true } } } } } } } });
    if (!row || !isBookingEmailKind(row.kind)) return { kind: "failed", retryable: false, error: `not a booking email: ${row?.kind ?? "no such row"}` };
    if (!row.lead) return { kind: "failed", retryable: false, error: "the lead this email was about has been erased" };
    const { lead } = row;
    const booking = lead.booking;
    if (!booking || !row.slotStartsAt || !row.slotEndsAt) return { kind: "failed", retryable: false, error: "the email's booking is missing" };
    if (row.kind === "BOOKING_REMINDER" && (booking.status !== "CONFIRMED" || booking.startsAt.getTime() !== row.slotStartsAt.getTime())) {
      return { kind: "withdrawn", reason: "the call was cancelled or moved before its reminder was sent" };
    }
    const bookingIsLive = booking.status === "CONFIRMED" && row.kind !== "BOOKING_CANCELLED";
    const message = await composeOutboxEmail({
      kind: row.kind,
      recipients: row.recipient.split(",").map((address) => address.trim()).filter(Boolean),
      lead,
      call: { startsAt: row.slotStartsAt, endsAt: row.slotEndsAt, previousStartsAt: row.previousStartsAt, sequence: row.inviteSequence, consultantName: booking.consultant?.name ?? null },
      manageUrl: STAFF_KINDS.has(row.kind) || !bookingIsLive ? null : `${settings.firm.appUrl}/book/manage/${manageToken(settings.secret, booking.id)}`,
      adminLeadUrl: `${settings.firm.appUrl}/admin/leads/${lead.id}`,
      firm: settings.firm,
      stamp: row.createdAt,
    });
    const result = await transport.send({ ...message, tags: [{ name: "outbox_id", value: row.id }] }, { idempotencyKey: row.id });
    if (result.ok) return { kind: "sent", providerMessageId: result.providerMessageId };
    return { kind: "failed", retryable: result.retryable, error: result.error, retryAfterSeconds: result.retryAfterSeconds };
  };
}
