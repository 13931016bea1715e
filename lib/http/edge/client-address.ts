import { isIP } from "node:net";
import { plainAddress } from "./trusted-proxies";

/**
 * Who sent the request. The socket's peer, unless that peer is a trusted proxy: then the
 * X-Forwarded-For entries are read from the right, past every trusted proxy, to the first address
 * a trusted proxy saw. Entries further left are whatever the client claimed, and never used.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  isTrustedProxy: (address: string) => boolean,
): string {
  let client = plainAddress(socketAddress ?? "");
  if (!client) return "unknown";
  const entries = [forwardedFor ?? []].flat().join(",").split(",").map((entry) => entry.trim()).filter(Boolean);
  while (isTrustedProxy(client) && entries.length > 0) {
    const next = plainAddress(entries.pop()!);
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}
