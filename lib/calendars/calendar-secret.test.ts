import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { calendarKeyFromConfig, CalendarSecretError, openSecret, sealSecret, type CalendarKey } from "./calendar-secret";

const AUTH_SECRET = "an-auth-secret-of-at-least-32-characters";
const PRODUCTION = { NODE_ENV: "production", DATABASE_URL: "postgres://db.example.com/app", AUTH_SECRET, EMAIL_DELIVERY: "mailbox" };
const FEED = "https://calendar.google.com/calendar/ical/ann%40example.com/private-0123456789abcdef/basic.ics";

function keyFrom(env: Record<string, string>): CalendarKey {
  const key = calendarKeyFromConfig(parseConfig(env));
  if (!key) throw new Error("expected a calendar key");
  return key;
}
const randomKey = (): CalendarKey => keyFrom({ AUTH_SECRET, CALENDAR_ENCRYPTION_KEY: randomBytes(32).toString("base64") });

/** `sealed` with one byte of the part at `index` (1 IV, 2 tag, 3 ciphertext) flipped. */
function tampered(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("sealing and opening a calendar secret", () => {
  const key = randomKey();

  it("opens what it sealed, with no trace of the plaintext in the sealed form", () => {
    const sealed = sealSecret(FEED, key, "calendar-1");
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("private-0123456789abcdef");
    expect(openSecret(sealed, key, "calendar-1")).toBe(FEED);
    expect(openSecret(sealSecret("", key), key)).toBe("");
    expect(openSecret(sealSecret("pässwörd 🔑", key), key)).toBe("pässwörd 🔑");
  });

  it("uses a fresh IV each time, so the same secret seals differently", () => {
    const [first, second] = [sealSecret(FEED, key), sealSecret(FEED, key)];
    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
    expect([openSecret(first, key), openSecret(second, key)]).toEqual([FEED, FEED]);
  });

  it("does not open with another key", () => {
    const sealed = sealSecret(FEED, key);
    expect(() => openSecret(sealed, randomKey())).toThrow(new CalendarSecretError("The calendar secret does not open: the key or context is wrong, or it was altered"));
  });

  it.each([
    [1, "IV"],
    [2, "tag"],
    [3, "ciphertext"],
  ])("does not open once its %s (%s) is altered", (index) => {
    const sealed = sealSecret(FEED, key, "calendar-1");
    expect(() => openSecret(tampered(sealed, index), key, "calendar-1")).toThrow(CalendarSecretError);
  });

  it("does not open in another context, such as another calendar's row", () => {
    const sealed = sealSecret("app-password", key, "calendar-1");
    expect(() => openSecret(sealed, key, "calendar-2")).toThrow("the key or context is wrong");
    expect(() => openSecret(sealed, key)).toThrow(CalendarSecretError);
  });

  it.each([
    "",
    "app-password",
    "v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA",
    "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA",
    "v1.AAAA AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA",
  ])("refuses %j as not a sealed secret", (garbage) => {
    expect(() => openSecret(garbage, key)).toThrow("Not a sealed calendar secret: expected v1.<iv>.<tag>.<ciphertext>");
  });

  it("refuses an IV or tag of the wrong length", () => {
    expect(() => openSecret("v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA", key)).toThrow("its IV or authentication tag has the wrong length");
  });
});

describe("calendarKeyFromConfig", () => {
  it("reads CALENDAR_ENCRYPTION_KEY as hex or base64, the same bytes giving the same key", () => {
    const bytes = randomBytes(32);
    const fromHex = keyFrom({ AUTH_SECRET, CALENDAR_ENCRYPTION_KEY: bytes.toString("hex") });
    const fromBase64 = keyFrom({ AUTH_SECRET, CALENDAR_ENCRYPTION_KEY: bytes.toString("base64") });
    expect(fromHex.bytes.equals(bytes)).toBe(true);
    expect(fromBase64.bytes.equals(bytes)).toBe(true);
    expect(openSecret(sealSecret(FEED, fromHex), fromBase64)).toBe(FEED);
  });

  it("uses CALENDAR_ENCRYPTION_KEY in production, and gives no key there without it", () => {
    const bytes = randomBytes(32);
    expect(keyFrom({ ...PRODUCTION, CALENDAR_ENCRYPTION_KEY: bytes.toString("base64") }).bytes.equals(bytes)).toBe(true);
    expect(calendarKeyFromConfig(parseConfig(PRODUCTION))).toBeNull();
  });

  it("outside production, without the key, derives a stable 32-byte key from AUTH_SECRET", () => {
    const derived = keyFrom({ AUTH_SECRET });
    expect(derived.bytes).toHaveLength(32);
    expect(derived.bytes.toString("utf8")).not.toContain(AUTH_SECRET);
    const sealed = sealSecret(FEED, derived, "calendar-1");
    expect(openSecret(sealed, keyFrom({ AUTH_SECRET, NODE_ENV: "test" }), "calendar-1")).toBe(FEED);
    expect(() => openSecret(sealed, keyFrom({ AUTH_SECRET: `${AUTH_SECRET}-rotated` }), "calendar-1")).toThrow(CalendarSecretError);
  });
});
