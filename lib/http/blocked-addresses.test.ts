import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "./blocked-addresses";

describe("isBlockedAddress", () => {
  it.each([
    ["0.0.0.0", "this network"],
    ["0.255.1.2", "this network"],
    ["10.1.2.3", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local, cloud metadata"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.1", "documentation"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.254", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback, written out"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["FE80::ABCD", "link-local in capitals"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, in hex"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped link-local"],
    ["64:ff9b::127.0.0.1", "NAT64 of loopback"],
    ["64:ff9b::a9fe:a9fe", "NAT64 of link-local, in hex"],
    ["localhost", "not an IP address"],
    ["", "empty"],
  ])("blocks %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    ["93.184.215.14", "public IPv4"],
    ["8.8.8.8", "public IPv4"],
    ["1.1.1.1", "public IPv4"],
    ["100.63.255.255", "just below carrier-grade NAT"],
    ["172.32.0.1", "just above 172.16/12"],
    ["198.20.0.1", "just above benchmarking"],
    ["223.255.255.254", "just below multicast"],
    ["2606:4700::1111", "public IPv6"],
    ["2a00:1450:4001:82a::200e", "public IPv6"],
    ["::ffff:93.184.215.14", "IPv4-mapped public"],
    ["64:ff9b::8.8.8.8", "NAT64 of a public IPv4"],
    ["2001:db9::1", "just past documentation"],
  ])("allows %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});
