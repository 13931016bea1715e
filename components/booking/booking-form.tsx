"use client";

import Link from "next/link";
import { useActionState } from "react";
import { submitBooking } from "@/app/(site)/book/actions";
import { companySizeLabels, topicLabels } from "@/lib/booking/booking-choices";
import type { BookingField } from "@/lib/booking/booking-form-schema";
import type { ZoneOffset } from "@/lib/booking/zone-option-label";
import { BOOKING_UNAVAILABLE_MESSAGE, type BookingFormState } from "@/lib/booking/booking-form-state";
import { ErrorSummary } from "./error-summary";
import { FieldError, FormField, controlProps, inputClass } from "./form-field";
import { SlotPicker } from "./slot-picker";
import { TimeZoneSelect } from "./time-zone-select";
import { SubmitButton } from "@/components/ui/submit-button";

const labels: Record<BookingField, string> = {
  fullName: "Full name",
  email: "Work email",
  company: "Company",
  jobRole: "Your role",
  phone: "Phone",
  companySize: "Company size",
  topic: "What would you like to discuss?",
  message: "Anything we should know?",
  slot: "Time",
  consent: "Privacy notice",
};

/** The fields checked as the person leaves them; the time and consent are checked when the form is sent. */
const checkedOnLeaving = (Object.keys(labels) as BookingField[]).filter((name) => name !== "slot" && name !== "consent");

type Props = {
  initialState: BookingFormState;
  /** "unavailable" when the database could not be reached to list them. */
  slots: string[] | "unavailable";
  slotMinutes: number;
  /** The zone chosen in the address (no-JS picker); otherwise the browser's zone is used. */
  chosenTimeZone: string | undefined;
  firmTimeZone: string;
  timeZones: ZoneOffset[];
};

/**
 * The booking form, drawn on the server from the action's last answer; it works as a plain form post.
 * The page is served without React (lib/http/edge/prospect-pages.ts): what JavaScript adds, the
 * browser's zone, times that follow the zone, fields checked as they are left and a waiting button,
 * comes from enhance-booking-forms.ts, guided by the form's data attributes.
 */
export function BookingForm({ initialState, slots, slotMinutes, chosenTimeZone, firmTimeZone, timeZones }: Props) {
  const [state, formAction, pending] = useActionState(submitBooking, initialState);
  const chosenZone = state.timeZone ?? chosenTimeZone;
  const zone = chosenZone ?? firmTimeZone;
  const errors = state.fieldErrors;
  const value = (name: BookingField) => state.values[name] ?? "";
  // With the database away, the time the person chose is the one offered, so it is kept too.
  const unavailable = slots === "unavailable";
  const offered = !unavailable ? slots : state.values.slot ? [state.values.slot] : [];
  const field = (name: BookingField, hasHint = false) => controlProps(name, errors[name], hasHint);

  return (
    <form
      action={formAction}
      // In development React hydrates this form and resets it after its action, and selects then fall
      // back to the option they were first drawn with (facebook/react#30580): keep what was entered.
      onReset={(event) => event.preventDefault()}
      noValidate
      className="space-y-8"
      data-enhance
      data-check-fields={checkedOnLeaving.join(" ")}
      data-adopt-browser-zone={chosenZone ? undefined : ""}
    >
      <ErrorSummary
        errors={state.fieldErrors}
        formError={state.formError ?? (unavailable ? BOOKING_UNAVAILABLE_MESSAGE : undefined)}
        labels={labels}
        answer={state.answer}
      />
      <input type="hidden" name="formToken" value={state.formToken} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">About you</legend>
        <FormField name="fullName" label={labels.fullName} error={errors.fullName}>
          <input {...field("fullName")} defaultValue={value("fullName")} autoComplete="name" maxLength={100} className={inputClass} />
        </FormField>
        <FormField name="email" label={labels.email} error={errors.email}>
          <input {...field("email")} type="email" defaultValue={value("email")} autoComplete="email" spellCheck={false} className={inputClass} />
        </FormField>
        <FormField name="company" label={labels.company} error={errors.company}>
          <input {...field("company")} defaultValue={value("company")} autoComplete="organization" className={inputClass} />
        </FormField>
        <FormField name="jobRole" label={labels.jobRole} optional error={errors.jobRole}>
          <input {...field("jobRole")} defaultValue={value("jobRole")} autoComplete="organization-title" className={inputClass} />
        </FormField>
        <FormField name="phone" label={labels.phone} optional hint="With your country code, like +1 212 555 0100" error={errors.phone}>
          <input
            {...field("phone", true)}
            type="tel"
            defaultValue={value("phone")}
            autoComplete="tel"
            className={inputClass}
          />
        </FormField>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">What you need</legend>
        <FormField name="companySize" label={labels.companySize} error={errors.companySize}>
          <select {...field("companySize")} defaultValue={value("companySize")} className={inputClass}>
            <option value="">Choose a size</option>
            {Object.entries(companySizeLabels).map(([option, label]) => (
              <option key={option} value={option}>
                {label} employees
              </option>
            ))}
          </select>
        </FormField>
        <FormField name="topic" label={labels.topic} error={errors.topic}>
          <select {...field("topic")} defaultValue={value("topic")} className={inputClass}>
            <option value="">Choose a topic</option>
            {Object.entries(topicLabels).map(([option, label]) => (
              <option key={option} value={option}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField name="message" label={labels.message} optional error={errors.message}>
          <textarea {...field("message")} defaultValue={value("message")} rows={5} maxLength={5000} className={inputClass} />
        </FormField>
      </fieldset>

      <div className="space-y-4">
        <TimeZoneSelect value={zone} zones={timeZones} />
        <SlotPicker
          slots={offered}
          emptyMessage={unavailable ? "The open times cannot be shown just now. Please try again in a moment." : undefined}
          slotMinutes={slotMinutes}
          timeZone={zone}
          selected={state.values.slot}
          nearest={state.nearest}
          error={errors.slot}
        />
      </div>

      <div>
        <FieldError name="consent" error={errors.consent} />
        <div className="flex items-start gap-3">
          <input
            {...field("consent")}
            type="checkbox"
            value="yes"
            defaultChecked={value("consent") === "yes"}
            className="mt-1 h-5 w-5 shrink-0 accent-emerald-700"
          />
          <label htmlFor="field-consent">
            I agree that you may use these details to arrange and hold this consultation, as the{" "}
            <Link href="/privacy" className="underline" target="_blank">
              privacy notice
            </Link>{" "}
            describes.
          </label>
        </div>
      </div>

      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">Website</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <SubmitButton pending={pending} label="Book the consultation" pendingLabel="Booking your call…" />
    </form>
  );
}
