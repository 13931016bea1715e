import type { PrismaClient } from "../db/generated/client";
import type { EmailTransport } from "./email-message";

/**
 * The dev mailbox: each email, rendered and with its attachments, kept in the database instead of
 * sent. The outbox row's id is the idempotency key here too, so a retried row is stored once.
 */
export function createMailboxTransport(db: PrismaClient): EmailTransport {
  return {
    name: "mailbox",
    async send(message, { idempotencyKey }) {
      try {
        const { id } = await db.mailboxMessage.upsert({
          where: { outboxId: idempotencyKey },
          update: {},
          create: {
            outboxId: idempotencyKey,
            from: message.from,
            to: message.to,
            replyTo: message.replyTo ?? null,
            subject: message.subject,
            html: message.html,
            text: message.text,
            attachments: message.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content: content.toString("base64") })),
          },
          select: { id: true },
        });
        return { ok: true, providerMessageId: `mailbox:${id}` };
      } catch (error) {
        return { ok: false, retryable: true, error: `mailbox: ${(error as Error).message}` };
      }
    },
  };
}
