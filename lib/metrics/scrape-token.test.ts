import { describe, expect, it } from "vitest";
import { checkScrapeToken } from "./scrape-token";

describe("the metrics token", () => {
  const token = "0123456789abcdef0123";
  it("lets in exactly the bearer of the token", () => {
    expect(checkScrapeToken(`Bearer ${token}`, token)).toBe("allowed");
    expect(checkScrapeToken(`bearer ${token}`, token)).toBe("allowed");
    for (const header of [null, "", "Bearer", `Bearer ${token}0`, `Bearer ${token.slice(1)}`, `Basic ${token}`, token, `Bearer ${token} extra`]) {
      expect(checkScrapeToken(header, token), String(header)).toBe("unauthorized");
    }
  });

  it("is off while no token is set", () => {
    expect(checkScrapeToken(`Bearer ${token}`, undefined)).toBe("disabled");
    expect(checkScrapeToken(null, "")).toBe("disabled");
  });
});
