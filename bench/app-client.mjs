// Talks to the running app the way a browser without JavaScript does: GET /book for a form, then a
// multipart POST of that form back to /book (the server action), answered by a 303 redirect.
import http from "node:http";
import { randomUUID } from "node:crypto";

export const keepAliveAgent = (sockets) => new http.Agent({ keepAlive: true, maxSockets: sockets });

/** One HTTP request over `agent`; resolves with status, headers and the body as text. */
export function request(agent, port, { method = "GET", path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", reject);
    req.end(body);
  });
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };
const decode = (text) => text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name) => entities[name]);

function inputs(html) {
  return [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) =>
    Object.fromEntries([...tag.matchAll(/([\w$:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decode(value)])),
  );
}

/**
 * The booking form in a rendered /book page: its hidden fields (React's `$ACTION_…` fields that
 * carry the server action and its state, and the one-time formToken) and the open slots it offers.
 */
export function parseBookingForm(html) {
  const all = inputs(html);
  const hidden = Object.fromEntries(all.filter((input) => input.type === "hidden" && input.name).map((input) => [input.name, input.value ?? ""]));
  if (!hidden.formToken || !hidden.$ACTION_KEY || !Object.keys(hidden).some((name) => name.startsWith("$ACTION_REF_"))) {
    throw new Error(`no booking form in the page (hidden fields: ${Object.keys(hidden).join(", ") || "none"})`);
  }
  // Distinct: the page offers the nearest few times a second time, above the times by day.
  const slots = [...new Set(all.filter((input) => input.name === "slot" && input.value).map((input) => input.value))];
  return { hidden, slots };
}

/** A multipart/form-data body, encoded once up front so the timed POST only sends bytes. */
export function multipart(fields) {
  const boundary = `----bench${randomUUID().replaceAll("-", "")}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`) };
}

/** What a person types into the form; `index` keeps each submission distinct. */
export function bookingFields(index, slot) {
  return {
    fullName: `Bench Client ${index}`,
    email: `app-${index}@example.com`,
    company: "Bench Holdings",
    jobRole: "COO",
    phone: "+1 212 555 0100",
    companySize: "SIZE_51_200",
    topic: "OPERATIONS_STRATEGY",
    message: "A benchmark booking.",
    slot,
    consent: "yes",
    timeZone: "America/New_York",
    website: "", // the honeypot
  };
}

/** A distinct client address per index (the app rate-limits by the right-most X-Forwarded-For entry). */
export const clientAddress = (index, block = 0) =>
  `10.${block + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`;
