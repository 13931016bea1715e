import { randomUUID } from "node:crypto";
import { BOUNDARY, encodeMultipart, fieldParts, multipartType, type Part } from "./junk-multipart";
import { breakRequiredField, junkActionModel, mutateParts, setPart } from "./junk-parts";
import type { Random } from "./junk-random";
import type { JunkRequest } from "./junk-send";
import type { Site } from "./junk-site";
import { junkValue, nestedJson } from "./junk-values";

// The flood: requests made from the real forms and routes, then broken. Each kind has a weight;
// every booking form sent has one required field broken for certain (and the manage link's real
// token only ever goes with a time that cannot be booked), so none of them may store anything.

export type FloodOptions = { site: Site; random: Random; count: number; blockedAddress: string; webhookSecret: string };

/** What a person would type, for the booking form's fields. */
const answers = (slot: string): Record<string, string> => ({
  fullName: "Grace Hopper",
  email: `grace.${randomUUID().slice(0, 8)}@example.com`,
  company: "Harvard Computation Lab",
  jobRole: "Director",
  phone: "+1 617 555 0100",
  companySize: "SIZE_51_200",
  topic: "PROCESS_EFFICIENCY",
  message: "We need our processes looked at.",
  timeZone: "America/New_York",
  slot,
  consent: "yes",
  website: "",
});

type Kind = { name: string; weight: number; make: (context: Context) => JunkRequest };
type Context = FloodOptions & { index: number; headers: Record<string, string>; log: string[] };

const percentEncoded = (bytes: Buffer) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0").toUpperCase()}`).join("");
const junkInUrl = (random: Random, real = "x"): { label: string; text: string } => {
  if (random.chance(0.15)) {
    const raw = random.pick(["%", "%Z1", "%E0%A4%A", "%FF", "%C0%AF", "%00", "..%2F..%2F", "%252e"]);
    return { label: `malformed escape ${raw}`, text: raw };
  }
  const junk = junkValue(random, real);
  return { label: junk.label, text: percentEncoded(junk.bytes.subarray(0, 6_000)) };
};

const actionId = (site: Site, name: string) => site.actions.find((action) => action.name === name)!.id;

function bookingNoJs(context: Context): JunkRequest {
  const { site, random, log } = context;
  let parts: Part[] = [...fieldParts(site.booking.hidden), ...fieldParts(answers(random.pick(site.booking.slots)))];
  if (random.chance(0.3)) {
    const state = junkActionModel(random, site.booking.hidden["$ACTION_1:1"]!, actionId(site, "signInAction"));
    parts = setPart(parts, "$ACTION_1:1", state.value);
    log.push(`state: ${state.label}`);
  }
  if (random.chance(0.1)) {
    const ref = random.pick([
      ["missing", undefined],
      ["broken JSON", "{"],
      ["another action", `{"id":"${random.pick(site.actions).id}","bound":"$@1"}`],
      ["a forged id", `{"id":"${"ab".repeat(21)}","bound":"$@1"}`],
      ["no bound state", `{"id":"${actionId(site, "submitBooking")}","bound":null}`],
      ["nested", nestedJson(20_000, "object")],
    ] as const);
    parts = setPart(parts, "$ACTION_1:0", ref[1]);
    log.push(`action reference: ${ref[0]}`);
  }
  if (random.chance(0.05)) {
    parts = setPart(parts, "$ACTION_KEY", random.pick([undefined, "", "k" + "0".repeat(32), junkValue(random, "k").bytes.toString("latin1")]));
    log.push("action key: forged or missing");
  }
  if (random.chance(0.15)) {
    parts = setPart(parts, "intent", "show-times");
    log.push("the 'Show times' button");
  }
  parts = breakRequiredField(random, mutateParts(random, parts, log), "", log);
  return { recipe: `booking form without JavaScript: ${log.join("; ")}`, method: "POST", path: "/book", headers: { ...context.headers, "content-type": multipartType() }, body: encodeMultipart(parts) };
}

/** The captured request's multipart parts, by splitting its body on its boundary. */
function capturedParts(site: Site): { parts: Array<{ name: string; value: string }>; prefix: string } {
  const boundary = /boundary=(.+)$/.exec(site.bookingByScript.headers["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error(`the captured booking is not multipart: ${site.bookingByScript.headers["content-type"]}`);
  const parts = site.bookingByScript.body
    .toString("utf8")
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const [head, ...rest] = raw.replace(/^\r\n/, "").split("\r\n\r\n");
      return { name: /name="([^"]*)"/.exec(head!)![1]!, value: rest.join("\r\n\r\n").replace(/\r\n$/, "") };
    });
  const fullName = parts.find((part) => part.name.endsWith("fullName"))!;
  return { parts, prefix: fullName.name.slice(0, -"fullName".length) };
}

function bookingScripted(context: Context): JunkRequest {
  const { site, random, log } = context;
  const { parts: captured, prefix } = capturedParts(site);
  const filled = answers(random.pick(site.booking.slots));
  let parts: Part[] = captured.map((part) => {
    const field = part.name.startsWith(prefix) ? part.name.slice(prefix.length) : "";
    return field in filled ? { ...part, value: filled[field]! } : part;
  });
  const model = captured.find((part) => part.name === "0")?.value ?? "";
  if (random.chance(0.35)) {
    const junk = junkActionModel(random, model, actionId(site, "signInAction"));
    parts = setPart(parts, "0", junk.value);
    log.push(`arguments: ${junk.label}`);
  }
  parts = breakRequiredField(random, mutateParts(random, parts, log), prefix, log);
  const headers: Record<string, string> = { ...context.headers, ...site.bookingByScript.headers, "x-forwarded-for": context.headers["x-forwarded-for"]! };
  let body = encodeMultipart(parts);
  headers["content-type"] = multipartType();
  if (random.chance(0.2)) {
    const id = random.pick([random.pick(site.actions).id, "", "00ff", "ab".repeat(21), "x".repeat(5_000), `${site.actions[0]!.id}, ${site.actions[1]!.id}`]);
    headers["next-action"] = id;
    log.push(`Next-Action: ${id.length > 50 ? `${id.length} characters` : JSON.stringify(id)}`);
  }
  if (random.chance(0.15)) {
    const tree = random.pick(["%E0{", "", "not json", encodeURIComponent(nestedJson(2_000, "array")), encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null,true]')]);
    headers["next-router-state-tree"] = tree;
    log.push("router state: junk");
  }
  if (random.chance(0.2)) {
    const [label, type, text] = random.pick([
      ["text/plain arguments", "text/plain;charset=UTF-8", model],
      ["JSON arguments", "application/json", model],
      ["nested text/plain arguments", "text/plain", nestedJson(50_000, "array")],
      ["broken text/plain arguments", "text/plain", model.slice(0, 5)],
      ["multipart without a boundary", "multipart/form-data", ""],
      ["a boundary that is not the body's", "multipart/form-data; boundary=other", ""],
    ] as const);
    headers["content-type"] = type;
    if (text) body = Buffer.from(text);
    log.push(label);
  }
  return { recipe: `booking as React's client posts it: ${log.join("; ")}`, method: "POST", path: "/book", headers, body };
}

function bookingFraming(context: Context): JunkRequest {
  const { site, random, log, headers } = context;
  const parts = breakRequiredField(random, [...fieldParts(site.booking.hidden), ...fieldParts(answers(random.pick(site.booking.slots)))], "", log);
  const body = encodeMultipart(parts);
  const base = { method: "POST", path: "/book", headers: { ...headers, "content-type": multipartType() } as Record<string, string>, body };
  switch (random.int(9)) {
    case 0: {
      const at = random.int(body.length);
      return { ...base, body: body.subarray(0, at), recipe: `booking form cut off after ${at} of ${body.length} bytes: ${log.join("; ")}` };
    }
    case 1: {
      const at = random.int(body.length);
      return { ...base, abortAfterBytes: at, recipe: `booking form upload dropped after ${at} of ${body.length} bytes` };
    }
    case 2: {
      const type = random.pick(["application/json", "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data", `multipart/form-data; boundary=${"b".repeat(200)}`, `multipart/form-data; boundary="${BOUNDARY}"; charset=utf-7`, "multipart/mixed; boundary=" + BOUNDARY, "", "\u00ff/\u00fe"]);
      const sent = type === "application/json" ? Buffer.from(JSON.stringify(Object.fromEntries(parts.map((part) => [String(part.name), String(part.value)])))) : type.includes("urlencoded") ? Buffer.from(new URLSearchParams(parts.map((part) => [String(part.name), String(part.value)])).toString()) : body;
      return { ...base, headers: { ...base.headers, "content-type": type }, body: sent, recipe: `booking form as ${JSON.stringify(type)}: ${log.join("; ")}` };
    }
    case 3: {
      const origin = random.pick([undefined, "null", "https://attacker.example", site.origin.replace("http:", "https:"), `${site.origin}.attacker.example`]);
      const sent: Record<string, string> = { ...base.headers };
      if (origin === undefined) delete sent.origin;
      else sent.origin = origin;
      return { ...base, headers: sent, recipe: `booking form from Origin ${String(origin)}` };
    }
    case 4:
      return { ...base, headers: { ...base.headers, "content-length": String(13 * 1024 * 1024) }, abortAfterBytes: Math.min(body.length, 1024), recipe: "booking form declaring 13 MB" };
    case 5:
      return { ...base, headers: { ...base.headers, "transfer-encoding": "chunked" }, recipe: "booking form sent chunked, of no stated length" };
    case 6: {
      const broken = Buffer.from(body.toString("latin1").replace(/\r\n/g, random.pick(["\n", "\r", ""])), "latin1");
      return { ...base, body: broken, recipe: `booking form with broken line ends: ${log.join("; ")}` };
    }
    case 7:
      return { ...base, headers: { ...base.headers, host: random.pick(["127.0.0.1", "evil.example", "localhost:1", "[::1]"]) }, recipe: `booking form to another Host: ${log.join("; ")}` };
    default: {
      const many = Array.from({ length: random.pick([1_000, 5_000]) }, (_, i) => ({ name: `f${i}`, value: "1" }));
      return { ...base, body: encodeMultipart([...parts, ...many]), recipe: `booking form with ${many.length} extra fields: ${log.join("; ")}` };
    }
  }
}

function rateLimited(context: Context): JunkRequest {
  const { site, random, headers } = context;
  const parts = [...fieldParts(site.booking.hidden), ...fieldParts(answers(random.pick(site.booking.slots)))];
  return {
    recipe: "a whole booking form from an address over its limit",
    method: "POST",
    path: "/book",
    headers: { ...headers, "x-forwarded-for": context.blockedAddress, "content-type": multipartType() },
    body: encodeMultipart(parts),
  };
}

function replayedToken(context: Context): JunkRequest {
  const { site, random, headers } = context;
  const state = site.booking.hidden["$ACTION_1:1"]!.replace(/"formToken":"[^"]*"/, `"formToken":"${site.booked.formToken}"`);
  const parts = setPart([...fieldParts(site.booking.hidden), ...fieldParts(answers(random.pick(site.booking.slots)))], "$ACTION_1:1", state);
  return { recipe: "a whole booking form replaying the token of the booking already made", method: "POST", path: "/book", headers: { ...headers, "content-type": multipartType() }, body: encodeMultipart(parts) };
}

export { answers, bookingFraming, bookingNoJs, bookingScripted, junkInUrl, percentEncoded, rateLimited, replayedToken, type Context, type Kind };
