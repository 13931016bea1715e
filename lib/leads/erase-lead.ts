import { recordAuditEvent } from "../audit/record-audit-event";
import { assertStaff, type Staff } from "../auth/verify-staff";
import { Prisma, type PrismaClient } from "../db/generated/client";

export const ERASED = "[erased]";

/**
 * Erases a lead's personal data on request, everywhere it is held: the lead's fields and
 * attribution, its notes, its emails (rendered copies in the dev mailbox deleted, addresses
 * blanked, any not yet sent withdrawn), and the detail of its audit events; a call still to come
 * is cancelled, freeing the time. What is left is an anonymous record that a lead existed (its
 * reference, dates, topic, company size and status), and the erasure itself is audited. ADMIN only.
 */
export async function eraseLead(db: PrismaClient, staff: Staff, input: { leadId: string; ip: string }): Promise<"erased" | "not-found"> {
  assertStaff(staff, "ADMIN");
  const { leadId } = input;
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { id: true } });
    if (!lead) return "not-found" as const;
    await tx.lead.update({
      where: { id: leadId },
      data: {
        fullName: ERASED, email: `erased+${leadId}@erased.invalid`, company: ERASED, jobRole: null, phone: null, message: null,
        utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, gclid: null, referrer: null, landingPage: null,
        erasedAt: new Date(), version: { increment: 1 },
      },
    });
    await tx.booking.updateMany({ where: { leadId, status: "CONFIRMED", startsAt: { gt: new Date() } }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await tx.booking.updateMany({ where: { leadId }, data: { manageTokenHash: null } });
    await tx.note.deleteMany({ where: { leadId } });
    await tx.mailboxMessage.deleteMany({ where: { outbox: { leadId } } });
    await tx.outboxMessage.updateMany({ where: { leadId, status: { in: ["PENDING", "FAILED"] } }, data: { status: "WITHDRAWN", lastError: "the lead's data was erased" } });
    await tx.outboxMessage.updateMany({ where: { leadId }, data: { recipient: ERASED } });
    await tx.auditEvent.updateMany({ where: { leadId }, data: { detail: Prisma.DbNull } });
    await recordAuditEvent(tx, { actorId: staff.id, leadId, action: "lead.erase", ip: input.ip });
    return "erased" as const;
  });
}
