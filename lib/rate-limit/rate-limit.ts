import { Prisma, type PrismaClient } from "../db/generated/client";

// Fixed-window counters in PostgreSQL, one row per key, shared by every app instance.

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The statement that counts one hit against `key` (a fixed window from its first hit), for use on
 * its own or as a CTE: a booking's hit is counted by insertBooking, in the statement that books.
 */
export function countHitSql(key: string, rule: RateLimitRule, now: Date): Prisma.Sql {
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" ("key", "hits", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN EXCLUDED."expiresAt" ELSE "RateLimitBucket"."expiresAt" END`;
}

/** Whether the next hit against `key` would be refused, without counting one. */
export async function peekRateLimit(db: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitVerdict> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { hits: true, expiresAt: true } });
  if (!bucket || bucket.expiresAt <= now || bucket.hits < rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)) };
}

/** Counts one hit against each key under its own rule (a fixed window from its first hit). */
export async function countHits(db: PrismaClient, hits: Array<{ key: string; rule: RateLimitRule }>, now = new Date()): Promise<void> {
  for (const { key, rule } of hits) await db.$executeRaw(countHitSql(key, rule, now));
}

/** Forgets one key's counter (a successful sign-in clears its account's failures). */
export async function clearHits(db: PrismaClient, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Forgets counters whose window has passed (their keys hold IP addresses). */
export async function deleteExpiredRateLimits(db: PrismaClient, now = new Date()): Promise<number> {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } }).then((result) => result.count);
}
