import type { BookingField, FieldErrors } from "./booking-form-schema";

/** What the booking action sends back to the form: everything typed, and what to fix. */
export type BookingFormState = {
  formToken: string;
  values: Partial<Record<BookingField, string>>;
  fieldErrors: FieldErrors;
  formError?: string;
  /** The zone the slots are shown in, once the person has chosen one. */
  timeZone?: string;
  /** Open slots nearest the one that was taken, as ISO instants, offered first. */
  nearest?: string[];
  /** Counts the answers, so the form can move focus to the errors after each one. */
  answer: number;
};

/** What a person is told when the database cannot be reached: the form keeps every answer. */
export const BOOKING_UNAVAILABLE_MESSAGE = "We cannot reach our booking system just now, so nothing was saved. Please try again in a moment.";

export const initialBookingFormState = (formToken: string): BookingFormState => ({
  formToken,
  values: {},
  fieldErrors: {},
  answer: 0,
});
