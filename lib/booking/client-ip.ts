/**
 * The client's address from X-Forwarded-For: the entry `hops` from the right, which the nearest
 * trusted proxy wrote (entries further left are whatever the client claimed).
 */
export function clientIp(forwardedFor: string | null, hops: number): string {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const entry = entries[Math.max(entries.length - hops, 0)];
  return entry ? entry.replace(/^::ffff:/, "") : "unknown";
}
