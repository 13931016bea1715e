"use client";

import { useActionState } from "react";
import { saveHoursAction } from "@/app/admin/(staff)/me/actions";
import type { ConsultantFormState } from "@/lib/consultants/consultant-form-state";
import { describedBy, Field, fieldClass, FormMessage, SubmitButton } from "./form-parts";

const days = [["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"], ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"]] as const;

export type HoursFormProps = {
  userId: string;
  hours: { timeZone: string; workingDays: string[]; dayStart: string; dayEnd: string };
  firm: { timeZone: string; workingDays: string[]; dayStart: string; dayEnd: string };
  zones: Array<{ value: string; label: string }>;
};

/** A consultant's own hours; each left empty follows the firm's. */
export function ConsultantHoursForm({ userId, hours, firm, zones }: HoursFormProps) {
  const initial: ConsultantFormState = { values: hours, errors: {} };
  const [state, formAction, pending] = useActionState(saveHoursAction, initial);
  const value = (name: keyof HoursFormProps["hours"]) => state.values[name] ?? "";
  const chosenDays = new Set([state.values.workingDays ?? []].flat());
  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" aria-busy={pending}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage saved={state.saved} error={state.errors.form} />
      <Field id="hours-zone" label="Time zone" error={state.errors.timeZone}>
        <select id="hours-zone" name="timeZone" defaultValue={String(value("timeZone"))} className={fieldClass} {...describedBy("hours-zone", state.errors.timeZone)}>
          <option value="">The firm&apos;s ({firm.timeZone})</option>
          {zones.map((zone) => <option key={zone.value} value={zone.value}>{zone.label}</option>)}
        </select>
      </Field>
      <fieldset className="sm:col-span-2" aria-describedby={state.errors.workingDays ? "hours-days-error" : "hours-days-hint"}>
        <legend className="text-sm font-medium">Working days</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {days.map(([day, label]) => (
            <label key={day} className="flex items-center gap-1.5">
              <input type="checkbox" name="workingDays" value={day} defaultChecked={chosenDays.has(day)} />
              {label}
            </label>
          ))}
        </div>
        <p id="hours-days-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">None ticked: the firm&apos;s ({firm.workingDays.join(", ")}).</p>
        {state.errors.workingDays ? <p id="hours-days-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{state.errors.workingDays}</p> : null}
      </fieldset>
      <Field id="hours-start" label="Day starts" error={state.errors.dayStart}>
        <input id="hours-start" name="dayStart" type="time" defaultValue={String(value("dayStart"))} placeholder={firm.dayStart} className={fieldClass} {...describedBy("hours-start", state.errors.dayStart)} />
      </Field>
      <Field id="hours-end" label="Day ends" error={state.errors.dayEnd} hint={`Empty: the firm's, ${firm.dayStart} to ${firm.dayEnd}.`}>
        <input id="hours-end" name="dayEnd" type="time" defaultValue={String(value("dayEnd"))} placeholder={firm.dayEnd} className={fieldClass} {...describedBy("hours-end", state.errors.dayEnd, true)} />
      </Field>
      <div className="sm:col-span-2"><SubmitButton pending={pending}>Save hours</SubmitButton></div>
    </form>
  );
}
