import { describe, expect, it } from "vitest";
import { emailDelivery, parseConfig } from "./config";

const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db.internal/app" };
const secret = "s".repeat(32);

describe("email and secret settings", () => {
  it("keeps emails in the dev mailbox without a key, and sends through Resend with one", () => {
    expect(emailDelivery(parseConfig({}))).toBe("mailbox");
    expect(emailDelivery(parseConfig({ RESEND_API_KEY: "re_123" }))).toBe("resend");
    expect(emailDelivery(parseConfig({ RESEND_API_KEY: "re_123", EMAIL_DELIVERY: "mailbox" }))).toBe("mailbox");
  });

  it("reads the staff list, comma-separated", () => {
    expect(parseConfig({ STAFF_NOTIFY_EMAIL: "a@example.com, b@example.com," }).STAFF_NOTIFY_EMAIL).toEqual(["a@example.com", "b@example.com"]);
    expect(() => parseConfig({ STAFF_NOTIFY_EMAIL: "a@example.com, not an address" })).toThrow(/STAFF_NOTIFY_EMAIL/);
  });

  it("refuses a sender with a line break in it", () => {
    expect(() => parseConfig({ EMAIL_FROM: "Firm\r\nBcc: x@y.z <a@b.c>" })).toThrow(/EMAIL_FROM/);
    expect(parseConfig({ EMAIL_FROM: "Firm <hello@firm.example>" }).EMAIL_FROM).toBe("Firm <hello@firm.example>");
  });

  it("stops a production start-up without an email key or a long enough secret, naming each", () => {
    expect(() => parseConfig(production)).toThrow(/RESEND_API_KEY[\s\S]*AUTH_SECRET/);
    expect(() => parseConfig({ ...production, RESEND_API_KEY: "re_123", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be set to a random string of at least 32/);
    expect(parseConfig({ ...production, RESEND_API_KEY: "re_123", AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
    expect(parseConfig({ ...production, EMAIL_DELIVERY: "mailbox", NEXTAUTH_SECRET: secret }).AUTH_SECRET, "NEXTAUTH_SECRET is read too").toBe(secret);
  });

  it("asks for a key when told to send through Resend, and for Resend's kind of webhook secret", () => {
    expect(() => parseConfig({ EMAIL_DELIVERY: "resend" })).toThrow(/RESEND_API_KEY: is required when EMAIL_DELIVERY=resend/);
    expect(() => parseConfig({ RESEND_WEBHOOK_SECRET: "plain" })).toThrow(/RESEND_WEBHOOK_SECRET/);
  });
});
