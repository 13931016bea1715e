import { assertStaff, type Staff } from "../auth/verify-staff";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { isUuid } from "../db/is-uuid";

const leadInclude = {
  owner: { select: { id: true, name: true } },
  booking: true,
  outbox: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, recipient: true, status: true, attempts: true, lastError: true, sentAt: true, deliveryStatus: true, deliveryStatusAt: true, createdAt: true, events: { select: { type: true, occurredAt: true } } },
  },
  notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
  auditEvents: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
} satisfies Prisma.LeadInclude;

export type LeadDetail = Prisma.LeadGetPayload<{ include: typeof leadInclude }>;

/** Everything about one lead, for signed-in staff; null when there is no such lead. */
export async function getLead(db: PrismaClient, staff: Staff, id: string): Promise<LeadDetail | null> {
  assertStaff(staff);
  if (!isUuid(id)) return null;
  return db.lead.findUnique({ where: { id }, include: leadInclude });
}

/** The staff who can own a lead: enabled accounts, by name. */
export async function listOwners(db: PrismaClient, staff: Staff) {
  assertStaff(staff);
  return db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
