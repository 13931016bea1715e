import { createElement } from "react";
import type { PrismaClient } from "../db/generated/client";
import type { ClaimedMessage } from "../outbox/claim-due-messages";
import type { DeliveryResult } from "../outbox/settle-message";
import { headerSafe } from "./email-address";
import type { EmailTransport } from "./email-message";
import type { EmailSettings } from "./email-settings";
import { renderEmail } from "./render-email";
import CalendarSyncFailedEmail from "./templates/calendar-sync-failed-email";

/** Tells staff and the consultant, once, that a calendar stopped syncing; nothing if it has recovered. */
export function calendarAlertDelivery(db: PrismaClient, transport: EmailTransport, settings: EmailSettings) {
  return async function deliver(claim: ClaimedMessage): Promise<DeliveryResult> {
    const row = await db.outboxMessage.findUnique({ where: { id: claim.id }, include: { calendar: { include: { consultant: { select: { name: true } } } } } });
    const calendar = row?.calendar;
    if (!row || !calendar) return { kind: "withdrawn", reason: "the calendar was disconnected" };
    if (!calendar.lastError || !calendar.failingSince) return { kind: "withdrawn", reason: "the calendar synced again before the alert went out" };
    const body = createElement(CalendarSyncFailedEmail, {
      firm: settings.firm,
      consultantName: calendar.consultant.name,
      calendarLabel: calendar.label,
      host: calendar.host,
      error: calendar.lastError,
      failingSince: calendar.failingSince,
      lastSyncedAt: calendar.lastSyncedAt,
      fixUrl: `${settings.firm.appUrl}/admin/me`,
    });
    const { html, text } = await renderEmail(body);
    const result = await transport.send(
      {
        from: headerSafe(settings.firm.emailFrom, 998),
        to: row.recipient.split(",").map((address) => address.trim()).filter(Boolean),
        replyTo: headerSafe(settings.firm.email),
        subject: headerSafe(`Calendar not syncing: ${calendar.consultant.name}, "${calendar.label}"`),
        html,
        text,
        attachments: [],
        tags: [{ name: "outbox_id", value: row.id }],
      },
      { idempotencyKey: row.id },
    );
    if (result.ok) return { kind: "sent", providerMessageId: result.providerMessageId };
    return { kind: "failed", retryable: result.retryable, error: result.error, retryAfterSeconds: result.retryAfterSeconds };
  };
}
