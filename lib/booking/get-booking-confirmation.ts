import type { PrismaClient } from "../db/generated/client";
import { isReferenceCode } from "./reference-code";

/** What the confirmation page and calendar file may show of a booking: no personal details. */
export async function getBookingConfirmation(db: PrismaClient, reference: string) {
  if (!isReferenceCode(reference)) return null;
  const lead = await db.lead.findUnique({
    where: { reference },
    select: { reference: true, timeZone: true, booking: { select: { startsAt: true, endsAt: true } } },
  });
  if (!lead?.booking) return null;
  return { reference: lead.reference, timeZone: lead.timeZone, slot: lead.booking };
}
