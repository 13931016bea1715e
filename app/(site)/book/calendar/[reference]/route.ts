import { bookingConfirmedPath } from "@/lib/booking/answer-booking-form";
import { buildBookingIcs } from "@/lib/booking/booking-ics";
import { getBookingConfirmation } from "@/lib/booking/get-booking-confirmation";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const booking = await getBookingConfirmation(await getPrisma(), reference);
  if (!booking) return new Response("No booking has that reference.", { status: 404 });
  const { APP_URL, FIRM_EMAIL, FIRM_NAME } = getConfig();
  const ics = buildBookingIcs({
    reference: booking.reference,
    slot: booking.slot,
    title: `Consultation with ${FIRM_NAME}`,
    description: `Your operations consultation with ${FIRM_NAME}. Reference ${booking.reference}. To change the time, write to ${FIRM_EMAIL}.`,
    organizer: { name: FIRM_NAME, email: FIRM_EMAIL },
    url: `${APP_URL}${bookingConfirmedPath(booking.reference)}`,
  });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="consultation-${booking.reference}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
