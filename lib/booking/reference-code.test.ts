import { describe, expect, it } from "vitest";
import { REFERENCE_ALPHABET, generateReferenceCode, isReferenceCode } from "./reference-code";

describe("generateReferenceCode", () => {
  it('is "OPS-" and six characters from the unambiguous alphabet', () => {
    for (let draw = 0; draw < 1_000; draw++) {
      const code = generateReferenceCode();
      expect(code).toMatch(/^OPS-[0-9A-Z]{6}$/);
      expect(code.slice(4)).not.toMatch(/[ILOU]/);
      expect(isReferenceCode(code)).toBe(true);
    }
  });

  it("uses the 32-character alphabet: Crockford base32 without I, L, O, U", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(32);
    expect(REFERENCE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("shows no obvious bias: over 20,000 codes every character appears in every position, none lopsided", () => {
    // 32^6 ≈ 1.07e9 codes, so repeats here are rare but possible; uniqueness is the database's
    // unique index, and the booking code retries on a collision.
    const draws = 20_000;
    const counts = Array.from({ length: 6 }, () => new Map<string, number>());
    for (let draw = 0; draw < draws; draw++) {
      [...generateReferenceCode().slice(4)].forEach((character, position) => {
        counts[position]!.set(character, (counts[position]!.get(character) ?? 0) + 1);
      });
    }
    const expected = draws / 32; // 625 per character and position; the standard deviation is about 25
    for (const perPosition of counts) {
      expect([...perPosition.keys()].sort().join("")).toBe(REFERENCE_ALPHABET);
      for (const count of perPosition.values()) {
        expect(count).toBeGreaterThan(expected * 0.75);
        expect(count).toBeLessThan(expected * 1.25);
      }
    }
  });
});

describe("isReferenceCode", () => {
  it.each(["OPS-7K2Q9M", "OPS-000000", "OPS-ZZZZZZ"])("accepts %s", (value) => {
    expect(isReferenceCode(value)).toBe(true);
  });

  it.each([
    ["lower case", "ops-7k2q9m"],
    ["a letter outside the alphabet", "OPS-7K2Q9I"],
    ["the letter O", "OPS-7K2QOM"],
    ["too short", "OPS-7K2Q9"],
    ["too long", "OPS-7K2Q9MM"],
    ["no prefix", "7K2Q9M"],
    ["surrounding text", " OPS-7K2Q9M"],
    ["a trailing newline", "OPS-7K2Q9M\n"],
    ["empty", ""],
  ])("rejects %s", (_, value) => {
    expect(isReferenceCode(value)).toBe(false);
  });
});
