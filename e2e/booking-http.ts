import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

// The booking form as a browser without JavaScript sees it: the HTML of /book, whose hidden
// inputs name the server action and carry this form's one-time token, posted back as
// multipart/form-data. The race and rate-limit tests send it straight over HTTP.

export type BookingFormPage = {
  /** The hidden inputs ($ACTION_REF_1, $ACTION_1:0, $ACTION_1:1, $ACTION_KEY, formToken) by name. */
  hidden: Record<string, string>;
  /** The open times, as the slot radios' values. */
  slots: string[];
};

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" };
const decode = (text: string) => text.replace(/&(?:quot|amp|lt|gt|#x27|#39);/g, (entity) => entities[entity]!);

/** An HTML tag's attributes by name, their values unescaped. */
export function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, decode(value ?? "")]));
}

export function parseBookingForm(html: string): BookingFormPage {
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => attributes(tag));
  const hidden = Object.fromEntries(inputs.filter((input) => input.type === "hidden").map((input) => [input.name!, input.value ?? ""]));
  const slots = inputs.filter((input) => input.type === "radio" && input.name === "slot").map((input) => input.value!);
  return { hidden, slots };
}

export async function loadBookingForm(request: APIRequestContext): Promise<BookingFormPage> {
  const response = await request.get("/book");
  expect(response.status()).toBe(200);
  const form = parseBookingForm(await response.text());
  for (const name of ["$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "$ACTION_KEY", "formToken"]) {
    expect(Object.keys(form.hidden), "the form's hidden inputs").toContain(name);
  }
  return form;
}

type Sender = { baseURL: string | undefined; clientIp: string };

/** Posts the form as a browser without JavaScript would, every field filled, for `slot`; no redirects followed. */
export function postBooking(request: APIRequestContext, form: BookingFormPage, slot: string, sender: Sender): Promise<APIResponse> {
  return request.post(new URL("/book", sender.baseURL).href, {
    // A browser sends its page's origin with every form POST; Next.js checks it against the host.
    headers: { "x-forwarded-for": sender.clientIp, origin: new URL(sender.baseURL!).origin },
    maxRedirects: 0,
    multipart: {
      ...form.hidden,
      fullName: "Katherine Johnson",
      email: `katherine.${randomUUID().slice(0, 8)}@example.com`,
      company: "Orbital Freight",
      jobRole: "Chief Executive",
      phone: "+1 757 555 0100",
      // The select options' values, as the browser posts them.
      companySize: "SIZE_11_50",
      topic: "PROCESS_EFFICIENCY",
      message: "Our order process needs an owner.",
      timeZone: "America/New_York",
      slot,
      consent: "yes",
      website: "",
    },
  });
}

export const CONFIRMED_LOCATION = /^(?:https?:\/\/[^/]+)?\/book\/confirmed\?ref=OPS-[0-9A-HJKMNP-TV-Z]{6}$/;
