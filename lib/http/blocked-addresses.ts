import { BlockList, isIPv4, isIPv6 } from "node:net";

// Addresses a fetch of a user-typed URL must never reach: this machine, private networks,
// link-local (cloud metadata services live at 169.254.169.254), documentation, multicast and reserved.
const blockedIPv4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3], // multicast, reserved and broadcast: everything from 224.0.0.0 up
] as const) {
  blockedIPv4.addSubnet(network, prefix, "ipv4");
}

const blockedIPv6 = new BlockList();
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10], // deprecated site-local, still routed inside some networks
  ["ff00::", 8],
  ["2001:db8::", 32],
] as const) {
  blockedIPv6.addSubnet(network, prefix, "ipv6");
}

/**
 * Whether a connection to this IP address (v4, or v6 without brackets) must be refused. Anything
 * that is not an IP address is refused too, so that a caller's mistake fails closed.
 */
export function isBlockedAddress(address: string): boolean {
  if (isIPv4(address)) return blockedIPv4.check(address, "ipv4");
  const withoutZone = address.split("%")[0] ?? "";
  if (!isIPv6(withoutZone)) return true;
  const embedded = embeddedIPv4(ipv6Groups(withoutZone));
  if (embedded !== undefined) return blockedIPv4.check(embedded, "ipv4");
  return blockedIPv6.check(withoutZone, "ipv6");
}

/**
 * The IPv4 address carried in an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address:
 * connecting to one of those reaches that IPv4 address, so it decides.
 */
function embeddedIPv4(groups: number[]): string | undefined {
  const zeroes = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const isMapped = zeroes(0, 5) && groups[5] === 0xffff;
  const isNat64 = groups[0] === 0x64 && groups[1] === 0xff9b && zeroes(2, 6);
  if (!isMapped && !isNat64) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The eight 16-bit groups of a valid IPv6 address, "::" and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dottedTail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dottedTail) {
    const [a, b, c, d] = dottedTail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dottedTail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groupsOf = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const [head, tail] = text.split("::");
  if (tail === undefined) return groupsOf(head);
  const headGroups = groupsOf(head);
  const tailGroups = groupsOf(tail);
  return [...headGroups, ...Array<number>(8 - headGroups.length - tailGroups.length).fill(0), ...tailGroups];
}
