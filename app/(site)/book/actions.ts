"use server";

import { refresh } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decodeAttribution, firstTouchCookie } from "@/lib/booking/attribution";
import { bookConsultation } from "@/lib/booking/book-consultation";
import { bookingFields, bookingFormSchema, fieldErrorsOf, type BookingField } from "@/lib/booking/booking-form-schema";
import { BOOKING_UNAVAILABLE_MESSAGE, type BookingFormState } from "@/lib/booking/booking-form-state";
import { bookingSettingsFromConfig } from "@/lib/booking/booking-settings";
import { clientAddressOf } from "@/lib/http/edge/client-address-header";
import { describeBookingOutcome } from "@/lib/booking/describe-booking-outcome";
import { recordBookingRefusal } from "@/lib/booking/record-booking-outcome";
import { resolveTimeZone } from "@/lib/booking/time-zones";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { DATABASE_UNAVAILABLE, orDatabaseUnavailable } from "@/lib/db/or-database-unavailable";
import { answerCountOf, formText } from "@/lib/http/form-fields";
import { issueFormToken, parseFormToken } from "@/lib/booking/form-token";
import { markActionEntered, setResponseStatus } from "@/lib/http/request-context";
import { loggerFor } from "@/lib/log/logger";

export async function submitBooking(previous: BookingFormState, formData: FormData): Promise<BookingFormState> {
  markActionEntered();
  const config = getConfig();
  const values = Object.fromEntries(bookingFields.map((field) => [field, formText(formData, field)])) as Record<BookingField, string>;
  const timeZone = resolveTimeZone(formText(formData, "timeZone"), config.FIRM_TIME_ZONE);
  const formToken = typeof previous?.formToken === "string" && parseFormToken(previous.formToken) ? previous.formToken : undefined;
  const answer = { formToken: formToken ?? issueFormToken(), values, timeZone, answer: answerCountOf(previous) + 1 };

  if (formText(formData, "intent") === "show-times") return { ...answer, fieldErrors: {} };
  // Only a request made by hand sends back a state without the token this page issued: book nothing.
  if (!formToken || !(formData instanceof FormData)) {
    setResponseStatus(400);
    return { ...answer, fieldErrors: {}, formError: "We could not read this form. Please check your answers and send it again." };
  }

  const parsed = bookingFormSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    recordBookingRefusal("invalid-form", { fields: Object.keys(fieldErrors) });
    return { ...answer, fieldErrors };
  }

  let reference: string;
  try {
    const requestHeaders = await headers();
    const attribution = decodeAttribution((await cookies()).get(firstTouchCookie(config.APP_URL).name)?.value);
    const outcome = await orDatabaseUnavailable("booking", async () =>
      bookConsultation(
        await getPrisma(),
        {
          form: parsed.data,
          formToken,
          honeypot: formText(formData, "website"),
          timeZone,
          attribution,
          clientIp: clientAddressOf(requestHeaders),
        },
        bookingSettingsFromConfig(config),
      ),
    );
    // A 503 with every answer kept: the same form token books once when it is sent again.
    if (outcome === DATABASE_UNAVAILABLE) {
      recordBookingRefusal("database-unavailable");
      return { ...answer, fieldErrors: {}, formError: BOOKING_UNAVAILABLE_MESSAGE };
    }
    if (outcome.kind === "rate-limited") {
      // The form comes back with every answer, the time included: it is still free.
      setResponseStatus(429, outcome.retryAfterSeconds);
      return { ...answer, ...describeBookingOutcome(outcome) };
    }
    if (outcome.kind !== "booked") {
      // The page's list of times still offers the one that was refused; draw it again from the database.
      refresh();
      return { ...answer, ...describeBookingOutcome(outcome), values: { ...values, slot: "" } };
    }
    reference = outcome.reference;
  } catch (error) {
    loggerFor("booking").error({ err: error }, "could not book");
    recordBookingRefusal("error");
    return {
      ...answer,
      fieldErrors: {},
      formError: "Something went wrong on our side and your booking was not saved. Please try again in a moment.",
    };
  }
  redirect(`/book/confirmed?ref=${encodeURIComponent(reference)}`);
}
