import type { PrismaClient } from "../db/generated/client";
import type { ClaimedMessage } from "./claim-due-messages";
import { retryDelaySeconds, type RetryPolicy } from "./retry-delay";

/** What became of one attempt. */
export type DeliveryResult =
  /** providerMessageId: the email provider's id; null for what is not an email (a calendar write). */
  | { kind: "sent"; providerMessageId: string | null }
  | { kind: "failed"; retryable: boolean; error: string; retryAfterSeconds?: number }
  /** Nothing to send any more (the booking it was about was cancelled or moved). */
  | { kind: "withdrawn"; reason: string };

export type SettledAs = "SENT" | "PENDING" | "FAILED" | "WITHDRAWN" | "lost-lease";

const MAX_ERROR_LENGTH = 500;

/**
 * Records an attempt's result on its row, if this worker still holds the lease (a worker that was
 * presumed dead and came back changes nothing). A failure is retried on the policy's schedule, or
 * after the provider's retry-after; a rate limit is the provider asking us to wait, so it does not
 * use up an attempt.
 */
export async function settleMessage(db: PrismaClient, claim: ClaimedMessage, result: DeliveryResult, policy: RetryPolicy): Promise<SettledAs> {
  const held = { id: claim.id, leaseToken: claim.leaseToken, status: "SENDING" as const };
  const released = { leaseToken: null, leaseExpiresAt: null };
  let status: Exclude<SettledAs, "lost-lease">;
  let count: number;
  if (result.kind === "sent") {
    status = "SENT";
    ({ count } = await db.outboxMessage.updateMany({
      where: held,
      data: { ...released, status, sentAt: new Date(), providerMessageId: result.providerMessageId, lastError: null },
    }));
  } else if (result.kind === "withdrawn") {
    status = "WITHDRAWN";
    ({ count } = await db.outboxMessage.updateMany({ where: held, data: { ...released, status, lastError: result.reason } }));
  } else {
    const waited = result.retryAfterSeconds !== undefined;
    const attempts = waited ? claim.attempts - 1 : claim.attempts;
    const retry = result.retryable && attempts < policy.maxAttempts;
    const delaySeconds = waited ? result.retryAfterSeconds! + Math.random() : retryDelaySeconds(claim.attempts, policy);
    status = retry ? "PENDING" : "FAILED";
    ({ count } = await db.outboxMessage.updateMany({
      where: held,
      data: {
        ...released,
        status,
        attempts,
        lastError: result.error.slice(0, MAX_ERROR_LENGTH),
        ...(retry ? { nextAttemptAt: new Date(Date.now() + delaySeconds * 1000) } : {}),
      },
    }));
  }
  return count === 1 ? status : "lost-lease";
}

/** Hands a claimed row back untried (the worker is stopping before it got to it): due again at once. */
export async function releaseMessage(db: PrismaClient, claim: ClaimedMessage): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: claim.id, leaseToken: claim.leaseToken, status: "SENDING" },
    data: { status: "PENDING", attempts: claim.attempts - 1, leaseToken: null, leaseExpiresAt: null, nextAttemptAt: new Date() },
  });
}
