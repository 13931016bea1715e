import type { PrismaClient } from "../db/generated/client";

/** The counter a client's bookings are counted in. */
export const bookingRateLimitKey = (ip: string) => `booking:${ip}`;

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Hits are counted by insertBooking, in the same statement as the booking they allow.

/** Whether the next hit against `key` would be refused, without counting one. */
export async function peekRateLimit(db: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitVerdict> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { hits: true, expiresAt: true } });
  if (!bucket || bucket.expiresAt <= now || bucket.hits < rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)) };
}

export async function deleteExpiredRateLimits(db: PrismaClient, now = new Date()): Promise<number> {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } }).then((result) => result.count);
}
