"use client";

import { useActionState } from "react";
import { moveBookingAction } from "@/app/(site)/book/manage/[token]/actions";
import type { MoveFormState } from "@/lib/booking/move-form-state";
import type { ZoneOffset } from "@/lib/booking/zone-option-label";
import { SlotPicker } from "./slot-picker";
import { TimeZoneSelect } from "./time-zone-select";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  token: string;
  slots: string[];
  slotMinutes: number;
  /** The zone the person booked in, or the one chosen in the address (no-JS picker). */
  timeZone: string;
  timeZones: ZoneOffset[];
};

/** Drawn on the server, like the booking form (see booking-form.tsx), and enhanced by the same script. */
export function MoveBookingForm({ token, slots, slotMinutes, timeZone, timeZones }: Props) {
  const [state, formAction, pending] = useActionState(moveBookingAction, { answer: 0 } satisfies MoveFormState);
  const zone = state.timeZone ?? timeZone;

  return (
    <form action={formAction} onReset={(event) => event.preventDefault()} noValidate className="space-y-4" data-enhance>
      <input type="hidden" name="token" value={token} />
      {state.formError ? (
        // Drawn on the server: the browser focuses it as the page loads.
        <p role="alert" tabIndex={-1} autoFocus className="rounded-md border-2 border-red-700 p-4 dark:border-red-400">
          {state.formError}
        </p>
      ) : null}
      <TimeZoneSelect value={zone} zones={timeZones} />
      <SlotPicker slots={slots} slotMinutes={slotMinutes} timeZone={zone} selected={state.slot} nearest={state.nearest} error={state.slotError} />
      <SubmitButton pending={pending} label="Move my call to this time" pendingLabel="Moving your call…" />
    </form>
  );
}
