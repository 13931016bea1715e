import type { PrismaClient } from "../db/generated/client";
import { claimDueMessages, type ClaimedMessage } from "../outbox/claim-due-messages";
import type { RetryPolicy } from "../outbox/retry-delay";
import { releaseMessage, settleMessage, type DeliveryResult, type SettledAs } from "../outbox/settle-message";
import { maskEmailsIn } from "../log/mask";
import { outboxMetrics } from "../metrics/outbox-metrics";
import { createPacer, delay } from "./pacer";
import { loggerFor, type Logger } from "../log/logger";

export type OutboxWorkerOptions = {
  db: PrismaClient;
  /** Sends one claimed row. Must settle within `sendTimeoutSeconds` (the transport's own timeout). */
  deliver: (message: ClaimedMessage) => Promise<DeliveryResult>;
  retry: RetryPolicy;
  perSecond: number;
  sendTimeoutSeconds: number;
  pollSeconds: number;
  /** Subscribes to wake-ups after a commit that owes a message; returns how to unsubscribe. */
  listen?: (onWake: () => void) => Promise<() => Promise<void>>;
  /** Chores to run now and then, such as deleting expired rate-limit rows. */
  housekeeping?: { everySeconds: number; run: () => Promise<unknown> };
  log?: Pick<Logger, "info" | "warn" | "error">;
  onSettled?: (message: ClaimedMessage, settled: SettledAs) => void;
};

export type OutboxWorker = {
  /** Starts the loop; resolves once it is listening. */
  start(): Promise<void>;
  /** Looks for due rows now rather than at the next poll. */
  wake(): void;
  /** Finishes the sends in flight, hands back claimed rows not yet tried, and stops. */
  stop(): Promise<void>;
};

const LEASE_MARGIN_SECONDS = 30;
const MIN_BATCH = 5;

/**
 * Claims due outbox rows and delivers them, paced, until stopped: woken by a notification after
 * each commit that owes a message, and polling for retries and anything a notification missed.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, log = loggerFor("outbox") } = options;
  const pacer = createPacer(options.perSecond);
  const batchSize = Math.max(MIN_BATCH, Math.ceil(options.perSecond));
  const leaseSeconds = Math.ceil(options.sendTimeoutSeconds + batchSize / options.perSecond + LEASE_MARGIN_SECONDS);
  const stopping = new AbortController();
  let wakeUp: (() => void) | undefined;
  let woken = false;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let lastHousekeeping = 0;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  async function sendOne(message: ClaimedMessage): Promise<void> {
    await pacer.take(stopping.signal);
    if (stopping.signal.aborted) return releaseMessage(db, message);
    let result: DeliveryResult;
    const started = performance.now();
    try {
      result = await options.deliver(message);
    } catch (error) {
      result = { kind: "failed", retryable: true, error: `delivery threw: ${(error as Error).message}` };
    }
    const seconds = (performance.now() - started) / 1000;
    outboxMetrics().sendSeconds.observe({ kind: message.kind, result: result.kind }, seconds);
    if (result.kind === "failed" && result.retryAfterSeconds !== undefined) pacer.pauseFor(result.retryAfterSeconds);
    const settled = await settleMessage(db, message, result, options.retry);
    outboxMetrics().settled.inc({ kind: message.kind, settled });
    logSettled(message, result, settled, Math.round(seconds * 1000));
    options.onSettled?.(message, settled);
  }

  // One line per attempt, carrying the row's request id: one grep follows a booking to the provider.
  function logSettled(message: ClaimedMessage, result: DeliveryResult, settled: SettledAs, durationMs: number) {
    const row = { outboxId: message.id, kind: message.kind, attempt: message.attempts, requestId: message.requestId, durationMs };
    const reason = result.kind === "failed" ? maskEmailsIn(result.error) : result.kind === "withdrawn" ? result.reason : undefined;
    if (settled === "SENT") log.info({ ...row, providerMessageId: result.kind === "sent" ? result.providerMessageId : null }, "sent");
    else if (settled === "WITHDRAWN") log.info({ ...row, reason }, "withdrawn");
    else if (settled === "FAILED") log.error({ ...row, reason }, "failed for good");
    else if (settled === "PENDING") log.warn({ ...row, reason }, "attempt failed, will retry");
    else log.warn({ ...row, reason }, "lease lost: another worker took the row over; nothing recorded");
  }

  async function housekeep(): Promise<void> {
    if (!options.housekeeping || Date.now() - lastHousekeeping < options.housekeeping.everySeconds * 1000) return;
    lastHousekeeping = Date.now();
    await options.housekeeping.run().catch((error: Error) => log.warn({ err: error }, "housekeeping failed"));
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      woken = false;
      let claimed: ClaimedMessage[] = [];
      try {
        await housekeep();
        claimed = await claimDueMessages(db, { limit: batchSize, leaseSeconds });
        for (const message of claimed) log.info({ outboxId: message.id, kind: message.kind, attempt: message.attempts, requestId: message.requestId }, "claimed");
        // Sent side by side, but each waits its turn at the pacer.
        await Promise.all(claimed.map(sendOne));
      } catch (error) {
        log.error({ err: error }, "worker loop failed; trying again at the next poll");
        await delay(options.pollSeconds * 1000, stopping.signal);
        continue;
      }
      if (claimed.length === batchSize || woken || stopping.signal.aborted) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, options.pollSeconds * 1000);
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          stopping.signal.removeEventListener("abort", done);
          resolve();
        }
        wakeUp = done;
        stopping.signal.addEventListener("abort", done, { once: true });
      });
    }
  }

  return {
    async start() {
      if (loop) return;
      if (options.listen) {
        unlisten = await options.listen(wake).catch((error: Error) => {
          log.warn({ err: error }, `cannot listen for wake-ups, polling every ${options.pollSeconds} s`);
          return undefined;
        });
      }
      loop = run();
    },
    wake,
    async stop() {
      stopping.abort();
      await unlisten?.();
      await loop;
    },
  };
}
