import { differenceInMinutes } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getBookingConfirmation } from "@/lib/booking/get-booking-confirmation";
import { formatSlotRange, timeZoneLabel } from "@/lib/booking/slot-display";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your consultation is booked", robots: { index: false } };

export default async function BookingConfirmedPage({ searchParams }: { searchParams: Promise<{ ref?: string | string[] }> }) {
  const { ref } = await searchParams;
  const booking = typeof ref === "string" ? await getBookingConfirmation(await getPrisma(), ref) : null;
  if (!booking) notFound();
  const { FIRM_EMAIL, FIRM_NAME } = getConfig();
  const minutes = differenceInMinutes(booking.slot.endsAt, booking.slot.startsAt);

  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Your consultation is booked</h1>
      <dl className="mt-8 space-y-4 rounded-lg border border-slate-300 p-5 dark:border-slate-700">
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">When</dt>
          <dd className="text-lg font-semibold" data-testid="booked-time">
            {formatSlotRange(booking.slot, booking.timeZone)}
          </dd>
          <dd className="text-sm text-slate-600 dark:text-slate-400">{timeZoneLabel(booking.timeZone, booking.slot.startsAt)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Your reference</dt>
          <dd className="font-mono text-lg font-semibold" data-testid="booking-reference">
            {booking.reference}
          </dd>
        </div>
      </dl>
      <a
        href={`/book/calendar/${booking.reference}`}
        download={`consultation-${booking.reference}.ics`}
        className="mt-6 inline-block rounded-md bg-emerald-700 px-5 py-3 font-semibold text-white hover:bg-emerald-800 dark:bg-emerald-400 dark:text-slate-950"
      >
        Add to calendar
      </a>
      <h2 className="mt-10 text-xl font-semibold">What happens next</h2>
      <ol className="mt-3 list-decimal space-y-2 pl-5">
        <li>
          We are emailing you a confirmation with a calendar invitation; it should arrive within a minute. You can also add the call
          to your calendar now.
        </li>
        <li>A consultant reads your answers before the call, so the {minutes} minutes go on your questions.</li>
        <li>
          Need another time? The email has a link to move or cancel the call. Or write to{" "}
          <a className="underline" href={`mailto:${FIRM_EMAIL}`}>{FIRM_EMAIL}</a> with your reference.
        </li>
      </ol>
      <p className="mt-10">
        <Link href="/articles" className="underline">
          Read more from {FIRM_NAME}
        </Link>
      </p>
    </div>
  );
}
