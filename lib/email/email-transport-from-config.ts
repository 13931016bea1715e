import { emailDelivery, type AppConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import type { EmailTransport } from "./email-message";
import { createMailboxTransport } from "./mailbox-transport";
import { createResendTransport } from "./resend-transport";

/** Resend with RESEND_API_KEY (RESEND_BASE_URL points the SDK elsewhere); otherwise the dev mailbox. */
export function emailTransportFromConfig(config: AppConfig, db: PrismaClient): EmailTransport {
  if (emailDelivery(config) === "mailbox") return createMailboxTransport(db);
  return createResendTransport({
    apiKey: config.RESEND_API_KEY!,
    baseUrl: process.env.RESEND_BASE_URL || undefined,
    timeoutMs: config.EMAIL_SEND_TIMEOUT_SECONDS * 1000,
  });
}
