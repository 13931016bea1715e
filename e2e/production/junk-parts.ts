import type { Part } from "./junk-multipart";
import type { Random } from "./junk-random";
import { junkValue, nestedJson } from "./junk-values";

// Breaking a form's fields: values, names, files, missing and extra fields, and the hidden
// fields by which Next.js finds a server action and its state.

const junkNames = ["__proto__", "constructor", "$ACTION_ID_0000", "$ACTION_REF_9", "$ACTION_9:0", "0", "1_x", "", "a".repeat(10_000), 'na"me', "name\r\nX-Injected: 1", "名前"];

/** One to three random changes to any of the fields, each described. */
export function mutateParts(random: Random, parts: Part[], log: string[]): Part[] {
  let result = [...parts];
  for (let i = random.int(3) + 1; i > 0 && result.length > 0; i--) {
    const index = random.int(result.length);
    const part = result[index]!;
    const name = String(part.name);
    switch (random.int(6)) {
      case 0:
      case 1: {
        const junk = junkValue(random, String(part.value));
        result[index] = { ...part, value: junk.bytes };
        log.push(`${name}: ${junk.label}`);
        break;
      }
      case 2:
        result = result.filter((_, at) => at !== index);
        log.push(`${name}: missing`);
        break;
      case 3: {
        const junk = junkValue(random, String(part.value));
        result.push({ name: part.name, value: junk.bytes });
        log.push(`${name}: sent twice, then ${junk.label}`);
        break;
      }
      case 4: {
        const extra = random.pick(junkNames);
        const junk = junkValue(random, "extra");
        result.splice(random.int(result.length + 1), 0, { name: extra, value: junk.bytes });
        log.push(`extra field ${JSON.stringify(extra.slice(0, 20))}: ${junk.label}`);
        break;
      }
      default:
        result[index] = { ...part, filename: random.pick(["x.bin", "../../etc/passwd", "", "a\u0000.txt"]), contentType: random.pick(["application/octet-stream", "text/html", "image/png"]) };
        log.push(`${name}: a file`);
    }
  }
  return result;
}

/** Replaces every `name` field with `value` (or removes it when undefined). */
export function setPart(parts: Part[], name: string, value: Buffer | string | undefined): Part[] {
  const rest = parts.filter((part) => String(part.name) !== name);
  return value === undefined ? rest : [...rest, { name, value }];
}

// A value that each required booking field refuses, whatever else was sent.
const refusedBookingValues: Record<string, Array<string | undefined>> = {
  fullName: [undefined, "", "x", "n".repeat(101), "\u0000\u0001"],
  email: [undefined, "", "not-an-email", "a@", "@b.c", "<script>alert(document.cookie)</script>", "' OR '1'='1", `${"x".repeat(250)}@example.com`],
  company: [undefined, "", "c".repeat(121)],
  companySize: [undefined, "", "size_1_10", "SIZE_1_10' OR '1'='1", "[object Object]", "__proto__"],
  topic: [undefined, "", "other", "'; DROP TABLE \"Lead\"; --", "constructor"],
  slot: [undefined, "", "tomorrow", "2026-13-45T25:61:00Z", "1e309", "<script>alert(document.cookie)</script>", nestedJson(5_000, "array")],
  consent: [undefined, "", "no", "YES", "on", "yes ", "true", "yes\u0000"],
};

/** Breaks one required field of the booking form for certain, so that nothing may be stored. */
export function breakRequiredField(random: Random, parts: Part[], prefix: string, log: string[], file = random.chance(0.1)): Part[] {
  const field = random.pick(Object.keys(refusedBookingValues));
  const name = `${prefix}${field}`;
  if (file) {
    log.push(`${field}: a file (required)`);
    return [...setPart(parts, name, undefined), { name, value: "yes", filename: "field.txt", contentType: "text/plain" }];
  }
  const value = random.pick(refusedBookingValues[field]!);
  log.push(`${field}: ${value === undefined ? "missing" : `refused value ${JSON.stringify(value.slice(0, 40))}`} (required)`);
  return setPart(parts, name, value);
}

/** What a server action's bound state or arguments may be replaced with: broken JSON, wrong types, references to nothing. */
export function junkActionModel(random: Random, real: string, otherActionId: string): { label: string; value: string } {
  const choices: Array<[string, () => string]> = [
    ["null", () => "null"],
    ["empty array", () => "[]"],
    ["[null]", () => "[null]"],
    ["a string", () => '["x"]'],
    ["broken JSON", () => real.slice(0, Math.max(1, random.int(real.length)))],
    ["nested arrays", () => nestedJson(random.pick([200, 20_000]), "array")],
    ["nested objects", () => `[${nestedJson(random.pick([200, 20_000]), "object")}]`],
    ["a reference to a missing chunk", () => `["$@${random.int(99) + 2}"]`],
    ["a Map reference", () => '["$Q9"]'],
    ["a FormData reference", () => '["$K9"]'],
    ["a temporary reference", () => '["$T"]'],
    ["a server reference", () => '["$h9"]'],
    ["a Blob reference", () => '["$B9"]'],
    ["a BigInt", () => '["$n99999999999999999999999999"]'],
    ["a Date", () => '["$Dnot-a-date"]'],
    ["a forged form token", () => real.replace(/"formToken":"[^"]*"/, `"formToken":"${random.pick(["forged", "0.00000000-0000-0000-0000-000000000000", "zzzzzzzzzzzz.ffffffff-ffff-ffff-ffff-ffffffffffff", "x".repeat(5000)])}"`)],
    ["answer of the wrong type", () => real.replace(/"answer":\d+/, `"answer":${random.pick(['"x"', "null", "1e308", "-1", "{}"])}`)],
    ["the state of another action", () => `[{"id":"${otherActionId}","bound":null}]`],
    ["the real state", () => real],
  ];
  const [label, make] = random.pick(choices);
  return { label, value: make() };
}
