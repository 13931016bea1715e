import { describe, expect, it } from "vitest";
import { issueFormToken, parseFormToken } from "./form-token";

describe("form tokens", () => {
  it("carry the moment the form was shown", () => {
    const shown = new Date("2026-11-30T13:00:00.123Z");
    expect(parseFormToken(issueFormToken(shown))).toEqual({ issuedAt: shown });
  });

  it("are different every time", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => issueFormToken()));
    expect(tokens.size).toBe(1000);
  });

  it("reject anything not made by issueFormToken", () => {
    expect(parseFormToken("")).toBeUndefined();
    expect(parseFormToken("hello")).toBeUndefined();
    expect(parseFormToken(`zzzzzzzzzzzzz.${crypto.randomUUID()}`)).toBeUndefined();
  });
});
