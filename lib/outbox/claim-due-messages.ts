import { randomUUID } from "node:crypto";
import type { OutboxKind, PrismaClient } from "../db/generated/client";

/** A row this worker holds until `leaseExpiresAt`; every change to it is fenced by `leaseToken`. */
export type ClaimedMessage = {
  id: string;
  kind: OutboxKind;
  /** Counting this one. */
  attempts: number;
  leaseToken: string;
  /** The request that owed it, for the log lines about it. */
  requestId: string | null;
};

/**
 * Claims up to `limit` rows that are due, or whose earlier worker's lease ran out, in one statement
 * that commits before anything is sent. SKIP LOCKED lets any number of workers claim side by side
 * without waiting on each other or taking the same row.
 */
export async function claimDueMessages(db: PrismaClient, options: { limit: number; leaseSeconds: number }): Promise<ClaimedMessage[]> {
  const leaseToken = randomUUID();
  const rows = await db.$queryRaw<Array<Omit<ClaimedMessage, "leaseToken">>>`
    UPDATE "OutboxMessage" SET "status" = 'SENDING', "attempts" = "attempts" + 1, "leaseToken" = ${leaseToken}::uuid,
      "leaseExpiresAt" = now() + make_interval(secs => ${options.leaseSeconds}), "updatedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now()) OR ("status" = 'SENDING' AND "leaseExpiresAt" <= now())
      ORDER BY "nextAttemptAt"
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"::text, "kind"::text, "attempts", "requestId"`;
  return rows.map((row) => ({ ...row, leaseToken }));
}
