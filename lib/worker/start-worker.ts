import type { AppConfig } from "../config";
import type { Database } from "../db/open-database";
import { outboxEmailDelivery } from "../email/deliver-outbox-email";
import { emailSettingsFromConfig } from "../email/email-settings";
import { emailTransportFromConfig } from "../email/email-transport-from-config";
import { deleteExpiredRateLimits } from "../rate-limit/rate-limit";
import { createOutboxWorker, type OutboxWorker } from "./outbox-worker";

const HOUSEKEEPING_SECONDS = 300;

/** The worker as the app and `npm run worker` run it: the outbox's emails, and the clean-up. */
export async function startWorker(config: AppConfig, database: Database): Promise<OutboxWorker> {
  const transport = emailTransportFromConfig(config, database.prisma);
  const worker = createOutboxWorker({
    db: database.prisma,
    deliver: outboxEmailDelivery(database.prisma, transport, emailSettingsFromConfig(config)),
    retry: { maxAttempts: config.EMAIL_MAX_ATTEMPTS, baseSeconds: config.EMAIL_RETRY_BASE_SECONDS },
    perSecond: config.RESEND_MAX_PER_SECOND,
    sendTimeoutSeconds: config.EMAIL_SEND_TIMEOUT_SECONDS,
    pollSeconds: config.WORKER_POLL_SECONDS,
    listen: (onWake) => database.listen("outbox", onWake),
    housekeeping: { everySeconds: HOUSEKEEPING_SECONDS, run: () => deleteExpiredRateLimits(database.prisma) },
  });
  await worker.start();
  console.info(
    transport.name === "mailbox"
      ? "[email] no RESEND_API_KEY: emails go to the dev mailbox (npm run mailbox shows them)"
      : `[email] sending through Resend, at most ${config.RESEND_MAX_PER_SECOND} per second`,
  );
  return worker;
}
