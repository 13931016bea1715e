import { recordAuditEvent } from "../audit/record-audit-event";
import { assertStaff, type Staff } from "../auth/verify-staff";
import type { LeadStatus, PrismaClient } from "../db/generated/client";

export type LeadChange = { status: LeadStatus } | { ownerId: string | null };
export type ChangeOutcome = { kind: "changed" } | { kind: "unchanged" } | { kind: "conflict" } | { kind: "not-found" } | { kind: "invalid-owner" };

/**
 * Changes a lead's status or owner, if it is still at the version the person saw: when two people
 * change one lead at once, the second is told and shown the first's change, never silently undone.
 */
export async function changeLead(db: PrismaClient, staff: Staff, input: { leadId: string; version: number; change: LeadChange; ip: string }): Promise<ChangeOutcome> {
  assertStaff(staff);
  const lead = await db.lead.findUnique({ where: { id: input.leadId }, select: { status: true, ownerId: true, version: true } });
  if (!lead) return { kind: "not-found" };
  if (lead.version !== input.version) return { kind: "conflict" };
  const { change } = input;
  if ("status" in change ? lead.status === change.status : lead.ownerId === change.ownerId) return { kind: "unchanged" };
  if ("ownerId" in change && change.ownerId && !(await db.user.findFirst({ where: { id: change.ownerId, disabledAt: null }, select: { id: true } }))) {
    return { kind: "invalid-owner" };
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({ where: { id: input.leadId, version: input.version }, data: { ...change, version: { increment: 1 } } });
    if (count === 0) return { kind: "conflict" } as const;
    const detail = "status" in change ? { from: lead.status, to: change.status } : { from: lead.ownerId, to: change.ownerId };
    await recordAuditEvent(tx, { actorId: staff.id, leadId: input.leadId, action: "status" in change ? "lead.status" : "lead.owner", detail, ip: input.ip });
    return { kind: "changed" } as const;
  });
}

/** Adds a note to a lead (notes only add, so two people writing at once both keep theirs). */
export async function addNote(db: PrismaClient, staff: Staff, input: { leadId: string; body: string; ip: string }): Promise<"added" | "not-found"> {
  assertStaff(staff);
  return db.$transaction(async (tx) => {
    if (!(await tx.lead.findUnique({ where: { id: input.leadId }, select: { id: true } }))) return "not-found" as const;
    await tx.note.create({ data: { leadId: input.leadId, authorId: staff.id, body: input.body } });
    await recordAuditEvent(tx, { actorId: staff.id, leadId: input.leadId, action: "lead.note", ip: input.ip });
    return "added" as const;
  });
}

/** Sends a FAILED email again from its first attempt. */
export async function retryEmail(db: PrismaClient, staff: Staff, input: { outboxId: string; ip: string }): Promise<"queued" | "not-failed"> {
  assertStaff(staff);
  const { count } = await db.outboxMessage.updateMany({
    where: { id: input.outboxId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  if (count === 0) return "not-failed";
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: input.outboxId }, select: { leadId: true } });
  await recordAuditEvent(db, { actorId: staff.id, leadId: row.leadId, action: "email.retry", detail: { outboxId: input.outboxId }, ip: input.ip });
  await db.$executeRaw`SELECT pg_notify('outbox', '')`;
  return "queued";
}
