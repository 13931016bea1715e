import { randomBytes, randomUUID } from "node:crypto";
import type { BookingField } from "../../lib/booking/booking-form-schema";
import { parseBookingForm, type BookingFormPage } from "../booking-http";

// Prospects without JavaScript, over plain HTTP: each fetches /book (its hidden inputs name the
// server action and carry a one-time token) and posts it back as multipart/form-data, from an
// address of its own (X-Forwarded-For, believed because the server trusts loopback as a proxy).

/** What a prospect types or chooses, as a browser posts it (select options by value). */
export type BookingAnswers = Record<Exclude<BookingField, "slot" | "consent">, string>;

export function bookingAnswers(label: string): BookingAnswers {
  return {
    fullName: `Dorothy Vaughan ${label}`,
    email: `dorothy.${label}.${randomUUID().slice(0, 8)}@example.com`,
    company: "Langley Components",
    jobRole: "Head of Computing",
    phone: "+1 757 555 0142",
    companySize: "SIZE_51_200",
    topic: "OPERATIONS_STRATEGY",
    message: "We doubled in a year & our <process> did not.",
  };
}

/** A client address of its own, from the IPv6 documentation range. */
export const clientAddress = () => `2001:db8:${randomBytes(12).toString("hex").match(/.{4}/g)!.join(":")}`;

export type FetchedForm = { status: number; html: string; form: BookingFormPage };

export async function fetchBookingForm(baseUrl: string, clientIp: string): Promise<FetchedForm> {
  const response = await fetch(`${baseUrl}/book`, { headers: { "x-forwarded-for": clientIp } });
  const html = await response.text();
  return { status: response.status, html, form: parseBookingForm(html) };
}

export type PostedBooking = { status: number; location: string | null; retryAfter: string | null; html: string };

/** Posts the form as a browser without JavaScript does, for `slot`, and does not follow the redirect. */
export async function postBookingForm(baseUrl: string, form: BookingFormPage, answers: BookingAnswers, slot: string, clientIp: string): Promise<PostedBooking> {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...form.hidden, ...answers, timeZone: "America/New_York", slot, consent: "yes", website: "" })) {
    body.append(name, value);
  }
  const response = await fetch(`${baseUrl}/book`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "x-forwarded-for": clientIp, origin: new URL(baseUrl).origin },
  });
  return { status: response.status, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after"), html: await response.text() };
}

/** The reference a 303 to the confirmation carries, or undefined for any other answer. */
export function confirmedReference(posted: PostedBooking): string | undefined {
  if (posted.status !== 303 || !posted.location) return undefined;
  return new URL(posted.location, "http://confirmation").searchParams.get("ref") ?? undefined;
}

export type ClientOutcome =
  | { kind: "confirmed"; client: number; slot: string; email: string; reference: string }
  | { kind: "refused"; client: number; slot: string; email: string; status: number }
  | { kind: "failed"; client: number; slot: string; email: string; error: string };

/**
 * `slots.length` prospects at once, each booking its own time; `onConfirmed` hears of each
 * confirmation as it arrives. A request that dies with the server is "failed", never retried.
 */
export async function bookConcurrently(baseUrl: string, slots: string[], onConfirmed: (outcome: ClientOutcome) => void = () => {}): Promise<ClientOutcome[]> {
  return Promise.all(
    slots.map(async (slot, client): Promise<ClientOutcome> => {
      const ip = clientAddress();
      const answers = bookingAnswers(`c${client}`);
      try {
        const { status, form } = await fetchBookingForm(baseUrl, ip);
        if (status !== 200) return { kind: "refused", client, slot, email: answers.email, status };
        const posted = await postBookingForm(baseUrl, form, answers, slot, ip);
        const reference = confirmedReference(posted);
        if (!reference) return { kind: "refused", client, slot, email: answers.email, status: posted.status };
        const outcome = { kind: "confirmed" as const, client, slot, email: answers.email, reference };
        onConfirmed(outcome);
        return outcome;
      } catch (error) {
        return { kind: "failed", client, slot, email: answers.email, error: (error as Error).message };
      }
    }),
  );
}
