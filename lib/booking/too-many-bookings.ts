import { escapeHtml, plainPage } from "../http/plain-page";

/** The page a client over the booking limit sees with its 429, saying when to try again. */
export function tooManyBookingsPage(retryAfterSeconds: number, firmEmail: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const email = escapeHtml(firmEmail);
  return plainPage(`Please try again in ${wait}`, [
    "We have received several bookings from your network in the last few minutes, so we have paused new ones for a short while.",
    `Your details were not saved. Go back, and send the form again after ${wait}; or write to us at <a href="mailto:${email}">${email}</a>.`,
    `<a href="/book">Back to the booking form</a>`,
  ]);
}
