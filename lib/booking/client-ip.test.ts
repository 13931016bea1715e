import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("the client's address", () => {
  it("is the address the nearest proxy recorded, not what the client claimed", () => {
    expect(clientIp("6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
  });

  it("counts back one entry for each trusted proxy", () => {
    expect(clientIp("6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
  });

  it("reads IPv4-mapped IPv6 as IPv4, and says unknown when there is nothing to read", () => {
    expect(clientIp("::ffff:127.0.0.1", 1)).toBe("127.0.0.1");
    expect(clientIp(null, 1)).toBe("unknown");
    expect(clientIp("203.0.113.5", 3)).toBe("203.0.113.5");
  });
});
