import { recordAuditEvent } from "../audit/record-audit-event";
import type { PrismaClient, StaffRole } from "../db/generated/client";
import { clearHits, countHits, peekRateLimit } from "../rate-limit/rate-limit";
import type { AuthSettings } from "./auth-settings";
import { normalizeLine } from "../text/normalize-text";
import { verifyPassword } from "./password";

export type SignedInStaff = { id: string; email: string; name: string; role: StaffRole; sessionVersion: number };

export type SignInOutcome =
  | { kind: "signed-in"; user: SignedInStaff }
  /** The same answer whether the email has no account, the password is wrong or the account is disabled. */
  | { kind: "refused" }
  | { kind: "throttled"; retryAfterSeconds: number };

/** As typed, less what no address holds (control characters, NUL among them, which PostgreSQL refuses in text). */
export const normalizeEmail = (email: string) => normalizeLine(email).toLowerCase();
const accountKey = (email: string) => `sign-in:account:${normalizeEmail(email)}`;
const ipKey = (ip: string) => `sign-in:ip:${ip}`;

/**
 * Checks a staff member's email and password. Failures are counted per account and per client
 * address in PostgreSQL; past either limit nothing is checked until the window passes. Every
 * attempt is audited. An unknown email costs the same Argon2 work as a wrong password.
 */
export async function authenticate(db: PrismaClient, input: { email: string; password: string; ip: string }, settings: AuthSettings): Promise<SignInOutcome> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const now = new Date();
  const verdicts = await Promise.all([peekRateLimit(db, accountKey(email), settings.perAccount, now), peekRateLimit(db, ipKey(input.ip), settings.perIp, now)]);
  const refusal = verdicts.find((verdict) => !verdict.allowed);
  if (refusal && !refusal.allowed) {
    await audit(db, null, "sign-in.throttled", { email }, input.ip);
    return { kind: "throttled", retryAfterSeconds: refusal.retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email } });
  const matches = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !matches || user.disabledAt) {
    await countHits(db, [{ key: accountKey(email), rule: settings.perAccount }, { key: ipKey(input.ip), rule: settings.perIp }], now);
    await audit(db, user?.id ?? null, "sign-in.failed", { email, reason: !user ? "unknown email" : user.disabledAt ? "disabled" : "wrong password" }, input.ip);
    return { kind: "refused" };
  }
  await clearHits(db, accountKey(email));
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await audit(db, user.id, "sign-in", null, input.ip);
  return { kind: "signed-in", user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

const audit = (db: PrismaClient, actorId: string | null, action: string, detail: { email: string; reason?: string } | null, ip: string) =>
  recordAuditEvent(db, { actorId, action, detail, ip });
