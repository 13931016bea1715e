/** An email ready to hand to a transport: rendered, addressed, with its attachments. */
export type EmailMessage = {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  /** Resend echoes these in its webhooks: how an event finds its outbox row even before the send is recorded. */
  tags?: Array<{ name: string; value: string }>;
};

export type EmailAttachment = { filename: string; contentType: string; content: Buffer };

export type SendResult =
  | { ok: true; providerMessageId: string }
  | {
      ok: false;
      /** Worth trying again later (the provider was down, slow, or asked us to wait). */
      retryable: boolean;
      /** The provider's own hint, from a 429's retry-after. */
      retryAfterSeconds?: number;
      /** What went wrong, for the outbox row and the logs; never shown to the prospect. */
      error: string;
    };

/** Where emails go: Resend, or the dev mailbox table. One send per call; retries are the worker's. */
export interface EmailTransport {
  readonly name: "resend" | "mailbox";
  /** `idempotencyKey` is the outbox row's id: the same key never delivers twice. */
  send(message: EmailMessage, options: { idempotencyKey: string }): Promise<SendResult>;
}
