import { bookingFormSchema, type BookingField } from "./booking-form-schema";

/** The sentence to show beside one field of the booking form as the person leaves it, or undefined when it is fine. */
export function checkBookingField(name: BookingField, value: string): string | undefined {
  const result = bookingFormSchema.shape[name].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}
