"use server";

import { refresh } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { firstTouchCookie } from "@/lib/booking/attribution";
import { answerBookingForm, bookingConfirmedPath, takeEdgeBookingAnswer } from "@/lib/booking/answer-booking-form";
import type { BookingFormState } from "@/lib/booking/booking-form-state";
import { getConfig } from "@/lib/config";
import { clientAddressOf } from "@/lib/http/edge/client-address-header";
import { markActionEntered } from "@/lib/http/request-context";

export async function submitBooking(previous: BookingFormState, formData: FormData): Promise<BookingFormState> {
  markActionEntered();
  const answer =
    takeEdgeBookingAnswer() ??
    (await answerBookingForm(previous, formData, {
      clientIp: clientAddressOf(await headers()),
      attributionCookie: (await cookies()).get(firstTouchCookie(getConfig().APP_URL).name)?.value,
    }));
  if (answer.kind === "booked") redirect(bookingConfirmedPath(answer.reference));
  // The page's list of times still offers the one that was refused; draw it again from the database.
  if (answer.slotsChanged) refresh();
  return answer.state;
}
