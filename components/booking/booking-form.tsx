"use client";

import Link from "next/link";
import { useActionState, useDeferredValue, useState, type FocusEvent } from "react";
import { submitBooking } from "@/app/(site)/book/actions";
import { companySizeLabels, topicLabels } from "@/lib/booking/booking-choices";
import type { BookingField, FieldErrors } from "@/lib/booking/booking-form-schema";
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

// zod is most of the form's JavaScript and only checks a field as the person leaves it: it loads
// when the form is first focused, not with the page.
// Unloaded (offline for a moment), it resolves to undefined and the next focus tries again; the
// field goes unchecked until the server checks them all on submit.
let fieldCheck: Promise<typeof import("@/lib/booking/check-booking-field") | undefined> | undefined;
function loadFieldCheck() {
  fieldCheck ??= import("@/lib/booking/check-booking-field").catch(() => (fieldCheck = undefined));
  return fieldCheck;
}

export function BookingForm({ initialState, slots, slotMinutes, chosenTimeZone, firmTimeZone, timeZones }: Props) {
  const [state, formAction, pending] = useActionState(submitBooking, initialState);
  // False while hydrating (the server cannot know the browser's zone), then true in a render of its own.
  const hydrated = useDeferredValue(true, false);
  const browserZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  const [pickedZone, setPickedZone] = useState<string>();
  const zone = pickedZone ?? state.timeZone ?? chosenTimeZone ?? browserZone ?? firmTimeZone;
  // Errors found as the person leaves a field, until the next answer from the server replaces them.
  const [blur, setBlur] = useState<{ answer: number; errors: FieldErrors }>({ answer: 0, errors: {} });
  const blurErrors = blur.answer === state.answer ? blur.errors : {};

  const errors: FieldErrors = { ...state.fieldErrors, ...blurErrors };
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const target = event.target as EventTarget;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    const name = target.name as BookingField;
    if (!(name in labels) || name === "slot" || name === "consent") return;
    const { answer } = state;
    const record = (error: string | undefined) =>
      setBlur((last) => ({ answer, errors: { ...(last.answer === answer ? last.errors : {}), [name]: error } }));
    const { value } = target;
    if (value === "" && !state.fieldErrors[name]) record(undefined);
    else void loadFieldCheck().then((check) => check && record(check.checkBookingField(name, value)));
  };
  const value = (name: BookingField) => state.values[name] ?? "";
  // With the database away, the time the person chose is the one offered, so it is kept too.
  const unavailable = slots === "unavailable";
  const offered = !unavailable ? slots : state.values.slot ? [state.values.slot] : [];
  const field = (name: BookingField, hasHint = false) => controlProps(name, errors[name], hasHint);

  return (
    // React resets a form after its action, and selects then fall back to the option they were first
    // drawn with, not their new defaultValue (facebook/react#30580, #32362): the chosen company size,
    // topic and time zone would be lost. Every control already shows what the person entered; keep it.
    <form action={formAction} onFocus={() => void loadFieldCheck()} onBlur={onBlur} onReset={(event) => event.preventDefault()} noValidate className="space-y-8" aria-busy={pending}>
      {/* Only the server's answer fills the summary: errors found on leaving a field stay beside it, unannounced. */}
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
        <TimeZoneSelect value={zone} zones={timeZones} onChange={setPickedZone} />
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
