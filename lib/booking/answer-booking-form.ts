import { decodeAttribution } from "./attribution";
import { bookConsultation } from "./book-consultation";
import { bookingFields, bookingFormSchema, fieldErrorsOf, type BookingField } from "./booking-form-schema";
import { BOOKING_UNAVAILABLE_MESSAGE, type BookingFormState } from "./booking-form-state";
import { bookingSettingsFromConfig } from "./booking-settings";
import { describeBookingOutcome } from "./describe-booking-outcome";
import { issueFormToken, parseFormToken } from "./form-token";
import { recordBookingRefusal } from "./record-booking-outcome";
import { resolveTimeZone } from "./time-zones";
import { getConfig } from "../config";
import { getPrisma } from "../db/database";
import { DATABASE_UNAVAILABLE, orDatabaseUnavailable } from "../db/or-database-unavailable";
import { answerCountOf, formText } from "../http/form-fields";
import { currentRequestContext, setResponseStatus } from "../http/request-context";
import { loggerFor } from "../log/logger";

/** What answers a posted booking form: the booking made, or the form again with what to fix. */
export type BookingFormAnswer =
  | { kind: "booked"; reference: string }
  /** slotsChanged: the time chosen was refused, so the page's list of times is out of date. */
  | { kind: "form"; state: BookingFormState; slotsChanged?: boolean };

/** Who posted the form, as the server saw the request. */
export type BookingPoster = {
  clientIp: string;
  /** The first-touch attribution cookie's value, if the browser sent one. */
  attributionCookie: string | undefined;
};

export const bookingConfirmedPath = (reference: string) => `/book/confirmed?ref=${encodeURIComponent(reference)}`;

/**
 * Everything a booking form post does, whichever way it reached the server: the server action
 * (app/(site)/book/actions.ts) or the edge's direct path for the same post (booking-form-post.ts).
 * `previous` is the state the form was drawn from, as the browser sent it back. A status other
 * than 200 (400, 429, 503) is set on the request (setResponseStatus), for the page drawn from the answer.
 */
export async function answerBookingForm(previous: unknown, formData: FormData, poster: BookingPoster): Promise<BookingFormAnswer> {
  const config = getConfig();
  const values = Object.fromEntries(bookingFields.map((field) => [field, formText(formData, field)])) as Record<BookingField, string>;
  const timeZone = resolveTimeZone(formText(formData, "timeZone"), config.FIRM_TIME_ZONE);
  const sentToken = typeof previous === "object" && previous !== null ? (previous as { formToken?: unknown }).formToken : undefined;
  const formToken = typeof sentToken === "string" && parseFormToken(sentToken) ? sentToken : undefined;
  const answer = { formToken: formToken ?? issueFormToken(), values, timeZone, answer: answerCountOf(previous) + 1 };
  const form = (state: BookingFormState, slotsChanged?: boolean): BookingFormAnswer => ({ kind: "form", state, slotsChanged });

  if (formText(formData, "intent") === "show-times") return form({ ...answer, fieldErrors: {} });
  // Only a request made by hand sends back a state without the token this page issued: book nothing.
  if (!formToken || !(formData instanceof FormData)) {
    setResponseStatus(400);
    return form({ ...answer, fieldErrors: {}, formError: "We could not read this form. Please check your answers and send it again." });
  }

  const parsed = bookingFormSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    recordBookingRefusal("invalid-form", { fields: Object.keys(fieldErrors) });
    return form({ ...answer, fieldErrors });
  }

  try {
    const outcome = await orDatabaseUnavailable("booking", async () =>
      bookConsultation(
        await getPrisma(),
        {
          form: parsed.data,
          formToken,
          honeypot: formText(formData, "website"),
          timeZone,
          attribution: decodeAttribution(poster.attributionCookie),
          clientIp: poster.clientIp,
        },
        bookingSettingsFromConfig(config),
      ),
    );
    // A 503 with every answer kept: the same form token books once when it is sent again.
    if (outcome === DATABASE_UNAVAILABLE) {
      recordBookingRefusal("database-unavailable");
      return form({ ...answer, fieldErrors: {}, formError: BOOKING_UNAVAILABLE_MESSAGE });
    }
    if (outcome.kind === "rate-limited") {
      // The form comes back with every answer, the time included: it is still free.
      setResponseStatus(429, outcome.retryAfterSeconds);
      return form({ ...answer, ...describeBookingOutcome(outcome) });
    }
    if (outcome.kind !== "booked") return form({ ...answer, ...describeBookingOutcome(outcome), values: { ...values, slot: "" } }, true);
    return { kind: "booked", reference: outcome.reference };
  } catch (error) {
    loggerFor("booking").error({ err: error }, "could not book");
    recordBookingRefusal("error");
    return form({
      ...answer,
      fieldErrors: {},
      formError: "Something went wrong on our side and your booking was not saved. Please try again in a moment.",
    });
  }
}

/**
 * The answer the edge already worked out for this request's post, taken once: the edge hands a
 * post it did not answer itself to Next.js, whose server action then draws the form from it.
 */
export function takeEdgeBookingAnswer(): BookingFormAnswer | undefined {
  const context = currentRequestContext();
  const answer = context?.edgeAnswer as BookingFormAnswer | undefined;
  if (context) context.edgeAnswer = undefined;
  return answer;
}
