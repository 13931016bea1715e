import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "./client-address";
import { parseTrustedProxies, plainAddress } from "./trusted-proxies";

describe("parseTrustedProxies", () => {
  it("trusts addresses, CIDR ranges and the words loopback and private, IPv4-mapped IPv6 included", () => {
    const trusted = parseTrustedProxies("203.0.113.5, 10.1.0.0/16, loopback, 2001:db8::/32");
    for (const address of ["203.0.113.5", "10.1.200.3", "127.0.0.1", "::1", "::ffff:127.0.0.1", "2001:db8::7"]) expect(trusted(address), address).toBe(true);
    for (const address of ["203.0.113.6", "10.2.0.1", "192.168.1.1", "2001:db9::1", "not-an-ip"]) expect(trusted(address), address).toBe(false);
    expect(parseTrustedProxies("private")("192.168.4.4")).toBe(true);
  });

  it("trusts nothing when the list is empty", () => {
    const trusted = parseTrustedProxies(" ");
    expect(trusted("127.0.0.1")).toBe(false);
    expect(trusted("::1")).toBe(false);
  });

  it("refuses an entry that is not an address or range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.1, example.com")).toThrow(/"example\.com"/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
  });

  it("writes an IPv4-mapped IPv6 address as plain IPv4", () => {
    expect(plainAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});

describe("resolveClientAddress", () => {
  const nginxOnLoopback = parseTrustedProxies("loopback");
  const none = parseTrustedProxies("");

  it("with no trusted proxy, is the socket's peer whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.1", none)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.1", none)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the address that proxy saw, never what the client wrote further left", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.1", nginxOnLoopback)).toBe("203.0.113.1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.1", nginxOnLoopback)).toBe("203.0.113.1");
    expect(resolveClientAddress("127.0.0.1", ["6.6.6.6", "203.0.113.1"], nginxOnLoopback)).toBe("203.0.113.1");
  });

  it("walks past a chain of trusted proxies", () => {
    const chain = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.1, 10.0.0.9", chain)).toBe("203.0.113.1");
  });

  it("stops at an entry that is not an address, keeping the last address a trusted proxy vouched for", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.1, <script>", nginxOnLoopback)).toBe("127.0.0.1");
  });

  it("is the trusted proxy itself when it forwards nothing, and unknown without a socket address", () => {
    expect(resolveClientAddress("127.0.0.1", undefined, nginxOnLoopback)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "203.0.113.1", nginxOnLoopback)).toBe("unknown");
  });
});
