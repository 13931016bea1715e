/** The retry schedule: how many attempts, and the wait before the second (each later one triples). */
export type RetryPolicy = { maxAttempts: number; baseSeconds: number };

const GROWTH = 3;
const JITTER = 0.2;

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): base × 3^(attempt−1), ±20% so
 * that rows which failed together do not all come back together. With the defaults (60 s, 8
 * attempts) the last attempt comes about 18 hours after the first.
 */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const delay = policy.baseSeconds * GROWTH ** (attempt - 1);
  return delay * (1 - JITTER + 2 * JITTER * random());
}
