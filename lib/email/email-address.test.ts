import { describe, expect, it } from "vitest";
import { headerSafe, mailbox, SUBJECT_MAX_LENGTH } from "./email-address";

describe("headerSafe", () => {
  it("turns CR, LF and every other control character into single spaces, and trims", () => {
    expect(headerSafe("  Hello\r\nBcc: x@y.z  ")).toBe("Hello Bcc: x@y.z");
    expect(headerSafe("a\x00b\x07c\x1bd\x7fe\u0085f\u2028g\u2029h\ti")).toBe("a b c d e f g h i");
    expect(headerSafe("many     spaces\n\n\nand lines")).toBe("many spaces and lines");
  });

  it("leaves ordinary text, accents and emoji alone", () => {
    expect(headerSafe('Zoë Ångström "Zed" <zoe@example.com> 👋')).toBe('Zoë Ångström "Zed" <zoe@example.com> 👋');
  });

  it("caps the length, by character and never mid-emoji, marking the cut", () => {
    expect(Array.from(headerSafe("x".repeat(500)))).toHaveLength(SUBJECT_MAX_LENGTH);
    expect(headerSafe("x".repeat(500)).endsWith("…")).toBe(true);
    expect(headerSafe("👋".repeat(20), 10)).toBe(`${"👋".repeat(9)}…`);
    expect(headerSafe("exactly ten", 11)).toBe("exactly ten");
  });
});

describe("mailbox", () => {
  it("quotes the name before the address", () => {
    expect(mailbox("Ada Lovelace", "ada@example.com")).toBe('"Ada Lovelace" <ada@example.com>');
  });

  it("escapes quotes and backslashes in the name", () => {
    expect(mailbox('Ada "The Countess" \\ Lovelace', "ada@example.com")).toBe('"Ada \\"The Countess\\" \\\\ Lovelace" <ada@example.com>');
  });

  it("keeps a name with a line break and a header after it on one line, inside the quotes", () => {
    const value = mailbox('Ada"\r\nBcc: victim@example.com', "ada@example.com");
    expect(value).toBe('"Ada\\" Bcc: victim@example.com" <ada@example.com>');
    expect(value).not.toMatch(/[\r\n]/);
  });

  it("gives the bare address when the name is empty", () => {
    expect(mailbox(" \r\n ", "ada@example.com")).toBe("ada@example.com");
  });

  it("refuses something that is not a single address", () => {
    expect(() => mailbox("Ada", "ada@example.com>, <x@y.z")).toThrow(/not an email address/);
    expect(() => mailbox("Ada", "ada@example.com\r\nBcc: x@y.z")).toThrow(/not an email address/);
    expect(() => mailbox("Ada", "not an address")).toThrow(/not an email address/);
  });
});
