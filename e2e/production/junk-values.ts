import type { Random } from "./junk-random";

// What goes into a field in place of what a person types: each a label (for the recipe printed
// with a failure) and the raw bytes sent.

export type JunkValue = { label: string; bytes: Buffer };

const text = (label: string, value: string): JunkValue => ({ label, bytes: Buffer.from(value, "utf8") });

/** Byte sequences that are not UTF-8: a lone continuation byte, overlong forms, a UTF-16 surrogate, bytes never used, a cut-off sequence. */
const invalidUtf8 = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe2, 0x82]),
];

const injections = [
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE \"Lead\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10)--",
  "$(reboot)",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "__proto__",
  "constructor",
  "../../../../etc/passwd",
  "%00%0d%0aSet-Cookie: x=1",
  "\u202eevil\u202c",
];

const controlCharacters = ["\u0000", "\u0001\u0002\u0003", "\u0008\u001b[2J", "\r\n\r\n", "\u007f", "\u2028\u2029", "\ufeff", "\ud800"];

/** Deeply nested JSON-looking text: arrays or objects `depth` levels down. */
export function nestedJson(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** One bad value for a text field, of a kind picked at random. */
export function junkValue(random: Random, real: string): JunkValue {
  switch (random.int(11)) {
    case 0:
      return { label: "invalid UTF-8", bytes: Buffer.concat([Buffer.from(real.slice(0, 3)), random.pick(invalidUtf8), Buffer.from(real.slice(3))]) };
    case 1:
      return text("control characters", random.pick(controlCharacters) + real + random.pick(controlCharacters));
    case 2:
      return text("injection", random.pick(injections));
    case 3:
      return text("injection around the real value", `${real}${random.pick(injections)}`);
    case 4: {
      const size = random.pick([5_000, 64_000, 300_000, random.chance(0.3) ? 900_000 : 100_000]);
      return text(`huge (${size} characters)`, "x".repeat(size));
    }
    case 5: {
      const depth = random.pick([100, 5_000, 50_000]);
      const kind = random.pick(["array", "object"] as const);
      return text(`nested JSON ${kind} ${depth} deep`, nestedJson(depth, kind));
    }
    case 6:
      return text("wrong type", random.pick(["12345", "-1", "1e309", "NaN", "true", "null", "undefined", "[object Object]", '{"a":1}', '["x"]', "0x1F"]));
    case 7:
      return text("empty", "");
    case 8:
      return text("whitespace", random.pick([" ", "\t\t", "\u00a0\u3000", "\n".repeat(5000)]));
    case 9:
      return text("unicode", random.pick(["👩‍💻".repeat(40), "ﷺ".repeat(300), "e\u0301".repeat(200), "𝕏".repeat(500), "\u{10ffff}"]));
    default:
      return text("long line of valid text", real.repeat(random.pick([50, 500, 5000])));
  }
}
