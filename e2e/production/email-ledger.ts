import type { FakeResend } from "../../lib/email/fake-resend-server";

// What the fake Resend saw, per idempotency key (the outbox row's id, which every send carries).

export type KeyLedger = {
  /** Requests to POST /emails with this key, whatever became of them (a retry after a lost answer is a second). */
  requests: number;
  /** Emails the provider accepted and would deliver: Resend sends one per key, however often it is asked. */
  accepted: number;
};

export function ledgerByKey(fake: FakeResend): Map<string, KeyLedger> {
  const ledger = new Map<string, KeyLedger>();
  const entry = (key: string) => ledger.get(key) ?? ledger.set(key, { requests: 0, accepted: 0 }).get(key)!;
  for (const request of fake.requests) if (request.idempotencyKey) entry(request.idempotencyKey).requests++;
  for (const email of fake.emails) if (email.idempotencyKey) entry(email.idempotencyKey).accepted++;
  return ledger;
}

/** Waits until every key in `keys` has an accepted email, polling; fails naming the ones still missing. */
export async function untilAccepted(fake: FakeResend, keys: string[], timeoutMs: number): Promise<Map<string, KeyLedger>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ledger = ledgerByKey(fake);
    const missing = keys.filter((key) => (ledger.get(key)?.accepted ?? 0) === 0);
    if (missing.length === 0) return ledger;
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms, ${missing.length} of ${keys.length} emails never reached the provider: ${missing.slice(0, 5).join(", ")}…`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
