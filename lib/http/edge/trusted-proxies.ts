import { BlockList, isIP } from "node:net";

/** An address with IPv4-mapped IPv6 (`::ffff:1.2.3.4`) written as plain IPv4. */
export function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

const aliases: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * The proxies whose X-Forwarded-For we believe: a comma-separated list of addresses and CIDR
 * ranges, or the words `loopback` and `private`. Throws on an entry that is neither.
 */
export function parseTrustedProxies(list: string): (address: string) => boolean {
  const blocks = new BlockList();
  let any = false;
  for (const entry of list.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    for (const range of aliases[entry] ?? [entry]) {
      const [address = "", prefix] = range.split("/");
      const family = isIP(address);
      if (!family) throw new Error(`"${entry}" is not an IP address, a CIDR range, "loopback" or "private"`);
      const type = family === 4 ? "ipv4" : "ipv6";
      const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has a bad prefix length`);
      blocks.addSubnet(address, bits, type);
      any = true;
    }
  }
  if (!any) return () => false;
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && blocks.check(plain, family === 4 ? "ipv4" : "ipv6");
  };
}
