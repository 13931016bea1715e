import { createHash, timingSafeEqual } from "node:crypto";

export type ScrapeVerdict = "allowed" | "unauthorized" | "disabled";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether an Authorization header carries the metrics token: compared as SHA-256 digests with
 * timingSafeEqual, so neither the token's length nor its first differing character shows in the time taken.
 */
export function checkScrapeToken(authorization: string | null, token: string | undefined): ScrapeVerdict {
  if (!token) return "disabled";
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  return match && timingSafeEqual(digest(match[1]!), digest(token)) ? "allowed" : "unauthorized";
}
