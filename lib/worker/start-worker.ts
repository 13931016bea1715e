import { calendarEventDelivery } from "../calendars/deliver-calendar-event";
import { calendarSettingsFromConfig } from "../calendars/calendar-settings";
import { syncDueCalendars } from "../calendars/sync-calendar";
import type { AppConfig } from "../config";
import type { Database } from "../db/open-database";
import { calendarAlertDelivery } from "../email/deliver-calendar-alert";
import { outboxEmailDelivery } from "../email/deliver-outbox-email";
import { emailSettingsFromConfig } from "../email/email-settings";
import { emailTransportFromConfig } from "../email/email-transport-from-config";
import type { ClaimedMessage } from "../outbox/claim-due-messages";
import { deleteExpiredRateLimits } from "../rate-limit/rate-limit";
import { createOutboxWorker, type OutboxWorker } from "./outbox-worker";
import { startPeriodicTask } from "./periodic-task";
import { loggerFor } from "../log/logger";

const HOUSEKEEPING_SECONDS = 300;
// How often to look for calendars due a sync; each is synced every CALENDAR_SYNC_MINUTES.
const CALENDAR_CHECK_SECONDS = 30;

/**
 * The worker as the app and `npm run worker` run it: the outbox (emails, and calls written to
 * consultants' calendars), the calendars' sync, and the clean-up.
 */
export async function startWorker(config: AppConfig, database: Database): Promise<OutboxWorker> {
  const db = database.prisma;
  const transport = emailTransportFromConfig(config, db);
  const emailSettings = emailSettingsFromConfig(config);
  const calendarSettings = calendarSettingsFromConfig(config);
  const deliverEmail = outboxEmailDelivery(db, transport, emailSettings);
  const deliverAlert = calendarAlertDelivery(db, transport, emailSettings);
  const deliverCalendarEvent = calendarEventDelivery(db, calendarSettings, { name: config.FIRM_NAME, email: config.FIRM_EMAIL });
  const deliver = (claim: ClaimedMessage) =>
    claim.kind === "CALENDAR_EVENT" ? deliverCalendarEvent(claim) : claim.kind === "CALENDAR_SYNC_FAILED" ? deliverAlert(claim) : deliverEmail(claim);

  const outbox = createOutboxWorker({
    db,
    deliver,
    retry: { maxAttempts: config.EMAIL_MAX_ATTEMPTS, baseSeconds: config.EMAIL_RETRY_BASE_SECONDS },
    perSecond: config.RESEND_MAX_PER_SECOND,
    sendTimeoutSeconds: config.EMAIL_SEND_TIMEOUT_SECONDS,
    pollSeconds: config.WORKER_POLL_SECONDS,
    listen: (onWake) => database.listen("outbox", onWake),
    housekeeping: { everySeconds: HOUSEKEEPING_SECONDS, run: () => deleteExpiredRateLimits(db) },
  });
  await outbox.start();
  const calendarSync = startPeriodicTask("calendar sync", CALENDAR_CHECK_SECONDS, () => syncDueCalendars(db, calendarSettings));
  loggerFor("email").info(
    transport.name === "mailbox"
      ? "no RESEND_API_KEY: emails go to the dev mailbox (npm run mailbox shows them)"
      : `sending through Resend, at most ${config.RESEND_MAX_PER_SECOND} per second`,
  );
  return {
    ...outbox,
    async stop() {
      await Promise.all([outbox.stop(), calendarSync.stop()]);
    },
  };
}
