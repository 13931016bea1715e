import type { Prisma, PrismaClient } from "../db/generated/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  leadId?: string | null;
  detail?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

/** Who did what, when and from where: one row of the audit log. */
export async function recordAuditEvent(db: Pick<PrismaClient, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: entry.actorId, action: entry.action, leadId: entry.leadId ?? null, ip: entry.ip ?? null, ...(entry.detail == null ? {} : { detail: entry.detail }) },
  });
}
