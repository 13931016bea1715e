import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores an Argon2id hash, never the password, and a fresh salt each time", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toContain("correct horse");
    expect(second).not.toBe(first);
  });

  it("accepts the password a hash was made from and nothing else", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("says no without a hash (an unknown email), and for a hash it cannot read, rather than throwing", async () => {
    expect(await verifyPassword(undefined, "correct horse battery staple")).toBe(false);
    expect(await verifyPassword(undefined, "")).toBe(false);
    expect(await verifyPassword("not-an-argon2-hash", "correct horse battery staple")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
  });
});

describe("generated passwords", () => {
  it("are 20 characters from an alphabet without look-alikes (no 0/O/o, 1/l/I), long enough to be accepted", () => {
    for (let i = 0; i < 200; i += 1) {
      const password = generatePassword();
      expect(password).toHaveLength(20);
      expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(password).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
    }
  });

  it("differ from one another", () => {
    const passwords = new Set(Array.from({ length: 100 }, generatePassword));
    expect(passwords.size).toBe(100);
  });

  it("work as passwords: a hash of one verifies", async () => {
    const password = generatePassword();
    expect(await verifyPassword(await hashPassword(password), password)).toBe(true);
  });
});
