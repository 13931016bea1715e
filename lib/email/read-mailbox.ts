import { assertStaff, type Staff } from "../auth/verify-staff";
import type { PrismaClient } from "../db/generated/client";
import { isUuid } from "../db/is-uuid";

export type StoredAttachment = { filename: string; contentType: string; content: string };

/** The dev mailbox for signed-in staff: the newest messages. */
export async function listMailbox(db: PrismaClient, staff: Staff, take = 100) {
  assertStaff(staff);
  return db.mailboxMessage.findMany({ orderBy: { createdAt: "desc" }, take, select: { id: true, createdAt: true, to: true, subject: true, outbox: { select: { kind: true, leadId: true } } } });
}

/** One dev-mailbox message, whole, with its attachments. */
export async function readMailboxMessage(db: PrismaClient, staff: Staff, id: string) {
  assertStaff(staff);
  if (!isUuid(id)) return null;
  const message = await db.mailboxMessage.findUnique({ where: { id } });
  return message ? { ...message, attachments: message.attachments as StoredAttachment[] } : null;
}
