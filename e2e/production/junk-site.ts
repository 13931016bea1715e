import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { openBookingForm } from "../booking-fixtures";
import { manageToken } from "../../lib/booking/manage-token";

// What the flood is built from: the real forms as the site renders them (field names, the
// server actions' ids and state, the one-time token), the request React's client sends, and the
// ids of every server action in the build.

export type HiddenFields = Record<string, string>;
export type CapturedRequest = { headers: Record<string, string>; body: Buffer };
export type ServerAction = { id: string; name: string; pages: string[] };

export type Site = {
  origin: string;
  /** /book's hidden fields ($ACTION_REF_1, $ACTION_1:0 and :1, $ACTION_KEY, formToken) and its open times. */
  booking: { hidden: HiddenFields; slots: string[] };
  /** The booking as React's client posted it (Next-Action header, multipart body) with the form left empty. */
  bookingByScript: CapturedRequest;
  signIn: HiddenFields;
  /** The one real booking made before the flood: its reference, manage token and the manage page's move form. */
  booked: { reference: string; token: string; formToken: string; move: HiddenFields };
  actions: ServerAction[];
};

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" };
const decode = (text: string) => text.replace(/&(?:quot|amp|lt|gt|#x27|#39);/g, (entity) => entities[entity]!);

export function hiddenFields(html: string): HiddenFields {
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) =>
    Object.fromEntries([...tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, decode(value ?? "")])),
  );
  return Object.fromEntries(inputs.filter((input) => input.type === "hidden" && input.name).map((input) => [input.name!, input.value ?? ""]));
}

export const openSlots = (html: string) => [...html.matchAll(/<input\b[^>]*name="slot"[^>]*value="([^"]+)"/g)].map(([, value]) => value!);

/** Every server action in the build (NEXT_DIST_DIR), with the pages it can be posted to. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => ({ id, name: action.exportedName, pages: Object.keys(action.workers) }));
}

export async function getPage(origin: string, pathname: string, clientIp: string): Promise<string> {
  const response = await fetch(new URL(pathname, origin), { headers: { "x-forwarded-for": clientIp } });
  if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status}`);
  return response.text();
}

/** The booking React's client sends when "Book the consultation" is pressed on an empty form (it books nothing). */
export async function captureScriptedBooking(browser: Browser, origin: string): Promise<CapturedRequest> {
  const context = await browser.newContext({ baseURL: origin, timezoneId: "Europe/London", extraHTTPHeaders: { "x-forwarded-for": "2001:db8:ffff::1" } });
  try {
    const page = await context.newPage();
    await openBookingForm(page);
    const [request] = await Promise.all([
      page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined),
      page.getByRole("button", { name: "Book the consultation" }).click(),
    ]);
    const headers = Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(":") && !["host", "content-length", "cookie", "x-forwarded-for"].includes(name)));
    return { headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
  } finally {
    await context.close();
  }
}

/** The manage link's token for a booking, as the emails carry it (the server's AUTH_SECRET). */
export const manageTokenOf = (bookingId: string) => manageToken(process.env.AUTH_SECRET!, bookingId);
