import type { Metadata } from "next";
import { BookingForm } from "@/components/booking/booking-form";
import { bookingSettingsFromConfig } from "@/lib/booking/booking-settings";
import { initialBookingFormState } from "@/lib/booking/booking-form-state";
import { issueFormToken } from "@/lib/booking/form-token";
import { listOpenSlots } from "@/lib/booking/list-open-slots";
import { isTimeZone, resolveTimeZone, timeZoneOffsets } from "@/lib/booking/time-zones";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { DATABASE_UNAVAILABLE, orDatabaseUnavailable } from "@/lib/db/or-database-unavailable";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Book a consultation",
  description: "Book a free 30-minute call about your operations: a COO or VP of Operations role, strategy, process or restructuring.",
  alternates: { canonical: "/book" },
};

export default async function BookPage({ searchParams }: { searchParams: Promise<{ tz?: string | string[] }> }) {
  const config = getConfig();
  const settings = bookingSettingsFromConfig(config);
  const { tz } = await searchParams;
  const slots = await orDatabaseUnavailable("open times", async () => listOpenSlots(await getPrisma(), settings.availability));

  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Book a consultation</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        A {settings.availability.slotMinutes}-minute call with one of our operations consultants, at no cost. Tell us a little
        about your company and choose a time; we will send a confirmation and a calendar invitation straight away.
      </p>
      <div className="mt-10">
        <BookingForm
          initialState={initialBookingFormState(issueFormToken())}
          slots={slots === DATABASE_UNAVAILABLE ? "unavailable" : slots.map((slot) => slot.startsAt.toISOString())}
          slotMinutes={settings.availability.slotMinutes}
          chosenTimeZone={typeof tz === "string" && isTimeZone(tz) ? resolveTimeZone(tz, config.FIRM_TIME_ZONE) : undefined}
          firmTimeZone={resolveTimeZone(config.FIRM_TIME_ZONE, config.FIRM_TIME_ZONE)}
          timeZones={timeZoneOffsets()}
        />
      </div>
    </div>
  );
}
