"use client";

import { useActionState } from "react";
import { connectCalDavAction, connectFeedAction } from "@/app/admin/(staff)/me/actions";
import type { ConsultantFormState } from "@/lib/consultants/consultant-form-state";
import { describedBy, Field, fieldClass, FormMessage, SubmitButton } from "./form-parts";

const empty: ConsultantFormState = { values: {}, errors: {} };

function useForm(action: typeof connectFeedAction) {
  const [state, formAction, pending] = useActionState(action, empty);
  const input = (id: string, name: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    // The key resets a field once the calendar is connected and the form starts afresh.
    <input id={id} name={name} key={`${name}-${state.saved ?? ""}`} defaultValue={String(state.values[name] ?? "")} className={fieldClass} {...describedBy(id, state.errors[name])} {...props} />
  );
  return { state, formAction, pending, input };
}

/** The two ways to connect a calendar: a feed address (read only), or CalDAV (read, and calls written to it). */
export function ConnectCalendarForms({ userId }: { userId: string }) {
  const feed = useForm(connectFeedAction);
  const caldav = useForm(connectCalDavAction);
  return (
    <div className="grid gap-10 lg:grid-cols-2">
      <form action={feed.formAction} aria-labelledby="feed-heading" aria-busy={feed.pending} className="grid content-start gap-3">
        <h3 id="feed-heading" className="text-lg font-semibold">A calendar&apos;s address (iCal feed)</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">Read only: its events keep people from booking those times. Google: Settings, your calendar, &ldquo;Secret address in iCal format&rdquo;. Outlook: Settings, Calendar, Shared calendars, Publish, the ICS link.</p>
        <input type="hidden" name="userId" value={userId} />
        <FormMessage saved={feed.state.saved} error={feed.state.errors.form} />
        <Field id="feed-label" label="Name" error={feed.state.errors.label}>{feed.input("feed-label", "label", { placeholder: "Google work calendar" })}</Field>
        <Field id="feed-url" label="Address" error={feed.state.errors.url}>{feed.input("feed-url", "url", { type: "url", inputMode: "url", placeholder: "https://calendar.google.com/calendar/ical/…/basic.ics", autoComplete: "off" })}</Field>
        <div><SubmitButton pending={feed.pending}>Connect the feed</SubmitButton></div>
      </form>

      <form action={caldav.formAction} aria-labelledby="caldav-heading" aria-busy={caldav.pending} className="grid content-start gap-3">
        <h3 id="caldav-heading" className="text-lg font-semibold">A CalDAV calendar</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">Fastmail, iCloud, Nextcloud and others: read for busy times, and each call you take is put in it. Use an app password, not your main one.</p>
        <input type="hidden" name="userId" value={userId} />
        <FormMessage saved={caldav.state.saved} error={caldav.state.errors.form} />
        <Field id="caldav-label" label="Name" error={caldav.state.errors.label}>{caldav.input("caldav-label", "label", { placeholder: "Fastmail" })}</Field>
        <Field id="caldav-server" label="Server address" error={caldav.state.errors.serverUrl}>{caldav.input("caldav-server", "serverUrl", { type: "url", inputMode: "url", placeholder: "https://caldav.fastmail.com/", autoComplete: "off" })}</Field>
        <Field id="caldav-username" label="Username" error={caldav.state.errors.username}>{caldav.input("caldav-username", "username", { autoComplete: "off" })}</Field>
        <Field id="caldav-password" label="App password" error={caldav.state.errors.password}>
          <input id="caldav-password" name="password" type="password" autoComplete="new-password" className={fieldClass} {...describedBy("caldav-password", caldav.state.errors.password)} />
        </Field>
        <Field id="caldav-calendar" label="Calendar (if the account has several)" error={caldav.state.errors.calendarName}>{caldav.input("caldav-calendar", "calendarName", { placeholder: "Work" })}</Field>
        <div><SubmitButton pending={caldav.pending}>Connect the calendar</SubmitButton></div>
      </form>
    </div>
  );
}
