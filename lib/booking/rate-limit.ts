import type { PrismaClient } from "../db/generated/client";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { hits: number; expiresAt: Date };

function verdict(bucket: Bucket | undefined, rule: RateLimitRule, now: Date): RateLimitVerdict {
  if (!bucket || bucket.expiresAt <= now || bucket.hits <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts one hit against `key` in a fixed window kept in PostgreSQL, so every app instance shares
 * it. One statement: concurrent hits from many connections are all counted.
 */
export async function consumeRateLimit(db: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitVerdict> {
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  const [bucket] = await db.$queryRaw<Bucket[]>`
    INSERT INTO "RateLimitBucket" ("key", "hits", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN EXCLUDED."expiresAt" ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "hits", "expiresAt"`;
  return verdict(bucket, rule, now);
}

/** Whether the next hit against `key` would be refused, without counting one. */
export async function peekRateLimit(db: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitVerdict> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { hits: true, expiresAt: true } });
  return verdict(bucket ? { ...bucket, hits: bucket.hits + 1 } : undefined, rule, now);
}

/** Gives back a hit that led to nothing (say, the slot was taken), so it does not count. */
export async function refundRateLimit(db: PrismaClient, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = ${key}`;
}

export async function deleteExpiredRateLimits(db: PrismaClient, now = new Date()): Promise<number> {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } }).then((result) => result.count);
}
