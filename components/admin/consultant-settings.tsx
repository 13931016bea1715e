import { changeCalendarAction } from "@/app/admin/(staff)/me/actions";
import { timeZoneOptions } from "@/lib/booking/time-zones";
import type { AppConfig } from "@/lib/config";
import type { ConsultantProfile } from "@/lib/consultants/consultant-profile";
import { ConnectCalendarForms } from "./connect-calendar-forms";
import { ConsultantHoursForm } from "./consultant-hours-form";
import { LocalTime } from "./local-time";
import { PostButton } from "./post-button";

const notices: Record<string, string> = {
  saved: "Saved.",
  synced: "Synced.",
  "sync-failed": "The sync failed: the calendar shows why. Its last good busy times still count.",
  syncing: "It is being synced already; reload in a moment.",
  invalid: "That change could not be read; try again.",
};

type CalendarRow = ConsultantProfile["calendars"][number];

/** A consultant's hours and calendars, as they and administrators see them. */
export function ConsultantSettings({ profile, config, notice, encryptionReady }: { profile: ConsultantProfile; config: AppConfig; notice?: string; encryptionReady: boolean }) {
  const when = (date: Date) => <LocalTime iso={date.toISOString()} fallbackZone={config.FIRM_TIME_ZONE} />;
  const button = (calendar: CalendarRow, change: string, label: string) => (
    <PostButton action={changeCalendarAction} fields={{ userId: profile.id, calendarId: calendar.id, change }} label={label} />
  );
  return (
    <>
      {notice && notices[notice] ? <p role={notice === "sync-failed" || notice === "invalid" ? "alert" : "status"} className="mt-4 rounded-md border-2 border-slate-500 p-3">{notices[notice]}</p> : null}
      <p className="mt-4 max-w-3xl">
        {profile.takesCalls
          ? `${profile.name} takes calls: /book offers the times in these hours that no booking and no connected calendar has taken, and gives them calls in turn.`
          : `${profile.name} does not take calls yet: an administrator can change that in Accounts. Until then nothing here affects /book.`}
      </p>

      <h2 className="mt-8 text-xl font-semibold">Hours</h2>
      <div className="mt-3">
        <ConsultantHoursForm
          userId={profile.id}
          hours={{ timeZone: profile.timeZone ?? "", workingDays: profile.workingDays, dayStart: profile.dayStart ?? "", dayEnd: profile.dayEnd ?? "" }}
          firm={{ timeZone: config.FIRM_TIME_ZONE, workingDays: [...config.WORKING_DAYS], dayStart: config.WORKING_HOURS_START, dayEnd: config.WORKING_HOURS_END }}
          zones={timeZoneOptions()}
        />
      </div>

      <h2 className="mt-10 text-xl font-semibold">Calendars</h2>
      {profile.calendars.length === 0 ? <p className="mt-3">None connected: only bookings keep times from being offered.</p> : (
        <ul className="mt-3 grid gap-3" aria-label="Connected calendars">
          {profile.calendars.map((calendar) => (
            <li key={calendar.id} className="rounded-md border border-slate-300 p-3 dark:border-slate-700">
              <p className="font-semibold">
                {calendar.label} <span className="font-normal text-slate-600 dark:text-slate-400">({calendar.kind === "CALDAV" ? "CalDAV" : "iCal feed"}, {calendar.host})</span>
              </p>
              <p className="mt-1 text-sm">
                {calendar.lastSyncedAt ? <>Last synced {when(calendar.lastSyncedAt)}; {calendar._count.busy} busy {calendar._count.busy === 1 ? "time" : "times"} ahead.</> : "Never synced: it blocks nothing yet."}
                {calendar.writeBookings ? " Calls are put in this calendar." : ""}
              </p>
              {calendar.lastError ? (
                <p role="alert" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
                  Failing{calendar.failingSince ? <> since {when(calendar.failingSince)}</> : null}: {calendar.lastError}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap gap-2">
                {button(calendar, "sync", "Sync now")}
                {calendar.kind === "CALDAV" ? (calendar.writeBookings ? button(calendar, "write-nowhere", "Stop putting calls here") : button(calendar, "write-here", "Put calls here")) : null}
                {button(calendar, "remove", "Disconnect")}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-10 text-xl font-semibold">Connect a calendar</h2>
      {encryptionReady ? <div className="mt-3"><ConnectCalendarForms userId={profile.id} /></div> : (
        <p role="alert" className="mt-3">Calendars cannot be connected until CALENDAR_ENCRYPTION_KEY is set on the server (openssl rand -base64 32): their addresses and passwords are stored encrypted with it.</p>
      )}
    </>
  );
}
