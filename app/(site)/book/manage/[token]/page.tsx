import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { MoveBookingForm } from "@/components/booking/move-booking-form";
import { FirmContact } from "@/components/booking/firm-contact";
import { bookingSettingsFromConfig } from "@/lib/booking/booking-settings";
import { findManagedBooking } from "@/lib/booking/find-managed-booking";
import { listOpenSlots } from "@/lib/booking/list-open-slots";
import { formatSlotRange, timeZoneLabel } from "@/lib/booking/slot-display";
import { timeZoneOffsets } from "@/lib/booking/time-zones";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { cancelBookingAction } from "./actions";

export const dynamic = "force-dynamic";

// The address holds the key to the booking: keep it out of search engines and off other sites (a
// same-origin policy, as no-referrer would make form posts send "Origin: null", which Next refuses).
export const metadata: Metadata = { title: "Manage your consultation", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ step?: string; done?: string; failed?: string }> };

export default async function ManageBookingPage({ params, searchParams }: Props) {
  const [{ token }, { step, done, failed }] = await Promise.all([params, searchParams]);
  const config = getConfig();
  const prisma = await getPrisma();
  const found = await findManagedBooking(prisma, token);
  if (found.kind === "unknown") notFound();
  const { booking } = found;
  const { lead } = booking;
  const when = (
    <dl className="mt-8 space-y-4 rounded-lg border border-slate-300 p-5 dark:border-slate-700">
      <div>
        <dt className="text-sm text-slate-600 dark:text-slate-400">When</dt>
        <dd className="text-lg font-semibold" data-testid="managed-time">
          {formatSlotRange(booking, lead.timeZone)}
        </dd>
        <dd className="text-sm text-slate-600 dark:text-slate-400">{timeZoneLabel(lead.timeZone, booking.startsAt)}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600 dark:text-slate-400">Reference</dt>
        <dd className="font-mono text-lg font-semibold">{lead.reference}</dd>
      </div>
    </dl>
  );

  if (found.kind === "cancelled") {
    return (
      <Page title={done === "cancelled" ? "Your call is cancelled" : "This call was cancelled"}>
        {done === "cancelled" ? <Notice>We have emailed you a cancellation for your calendar, and let our team know.</Notice> : null}
        {when}
        <p className="mt-8">
          Want to talk after all?{" "}
          <Link href="/book" className="font-semibold underline">
            Book a new call
          </Link>
          .
        </p>
        <FirmContact />
      </Page>
    );
  }
  if (found.kind === "passed") {
    return (
      <Page title="This call has already started">
        {when}
        <p className="mt-8">The time for this call has come, so it can no longer be moved or cancelled here. To reach us:</p>
        <FirmContact />
      </Page>
    );
  }

  if (step === "cancel") {
    return (
      <Page title="Cancel your call?">
        {failed ? <Notice tone="error">Something went wrong on our side and your call was not cancelled. Please try again.</Notice> : null}
        {when}
        <form action={cancelBookingAction} className="mt-8 flex flex-wrap items-center gap-4">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="rounded-md bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800 dark:bg-red-400 dark:text-slate-950">
            Yes, cancel my call
          </button>
          <Link href={`/book/manage/${token}`} className="underline">
            No, keep it
          </Link>
        </form>
      </Page>
    );
  }

  const settings = bookingSettingsFromConfig(config);
  const slots = await listOpenSlots(prisma, settings.availability);
  return (
    <Page title={done === "moved" ? "Your call has moved" : "Your consultation"}>
      {done === "moved" ? <Notice>We have emailed you an updated calendar invitation, and let our team know.</Notice> : null}
      {when}
      <a
        href={`/book/calendar/${lead.reference}`}
        download={`consultation-${lead.reference}.ics`}
        className="mt-6 inline-block rounded-md border border-emerald-700 px-5 py-3 font-semibold text-emerald-800 hover:bg-emerald-50 dark:border-emerald-400 dark:text-emerald-300 dark:hover:bg-emerald-950"
      >
        Add to calendar
      </a>
      <h2 className="mt-12 text-2xl font-semibold">Move it to another time</h2>
      <div className="mt-4">
        <MoveBookingForm
          token={token}
          slots={slots.map((slot) => slot.startsAt.toISOString())}
          slotMinutes={settings.availability.slotMinutes}
          timeZone={lead.timeZone}
          timeZones={timeZoneOffsets()}
        />
      </div>
      <h2 className="mt-12 text-2xl font-semibold">Cancel it</h2>
      <p className="mt-2">
        Can no longer make it?{" "}
        <Link href={`/book/manage/${token}?step=cancel`} className="font-semibold underline">
          Cancel this call
        </Link>
      </p>
    </Page>
  );
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
      {children}
    </div>
  );
}

function Notice({ tone = "success", children }: { tone?: "success" | "error"; children: ReactNode }) {
  const colours = tone === "success" ? "border-emerald-700 dark:border-emerald-400" : "border-red-700 dark:border-red-400";
  return (
    <p role="status" className={`mt-6 rounded-md border-2 p-4 ${colours}`}>
      {children}
    </p>
  );
}
