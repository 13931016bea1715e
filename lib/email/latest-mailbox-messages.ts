import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";

export type MailboxListing = Array<{
  createdAt: string;
  to: string[];
  subject: string;
  text: string;
  attachments: string[];
}>;

/** The dev mailbox's newest messages first, as `npm run mailbox` prints them. */
export async function latestMailboxMessages(db: PrismaClient, limit: number): Promise<MailboxListing> {
  const rows = await db.mailboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => ({
    createdAt: row.createdAt.toISOString(),
    to: row.to,
    subject: row.subject,
    text: row.text,
    attachments: (row.attachments as Array<{ filename: string }>).map((attachment) => attachment.filename),
  }));
}

/**
 * `npm run mailbox` reads a running app's embedded database (which only that process may open)
 * through /api/dev/mailbox, with this key: derived from the app secret, so only someone who can
 * read the secret (and so the data folder) can read the mailbox.
 */
export const mailboxReadKey = (secret: string) => createHmac("sha256", secret).update("dev-mailbox-read").digest("base64url");

export function isMailboxReadKey(secret: string, presented: string | null): boolean {
  const expected = Buffer.from(mailboxReadKey(secret));
  const given = Buffer.from(presented ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
