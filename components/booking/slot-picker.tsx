"use client";

import { addMinutes } from "date-fns";
import { memo, useMemo } from "react";
import { groupSlotsByDay, formatSlot, timeZoneLabel } from "@/lib/booking/slot-display";
import { FieldError, errorId, fieldId } from "./form-field";

type Props = {
  slots: string[];
  slotMinutes: number;
  timeZone: string;
  selected: string | undefined;
  nearest: string[] | undefined;
  error: string | undefined;
};

/**
 * Open times grouped by day, in the person's zone; a plain radio group, so keys and no-JS work.
 * Memoised: the form re-renders as each field is left, and there can be a thousand times here.
 */
export const SlotPicker = memo(function SlotPicker({ slots, slotMinutes, timeZone, selected, nearest, error }: Props) {
  const days = useMemo(
    () =>
      groupSlotsByDay(
        slots.map((iso) => ({ startsAt: new Date(iso), endsAt: addMinutes(new Date(iso), slotMinutes) })),
        timeZone,
      ),
    [slots, slotMinutes, timeZone],
  );
  // The first choice carries the field's id, so the error summary's link lands on the group.
  const firstKey = nearest?.length ? `nearest-${nearest[0]}` : days[0]?.slots[0]?.value;
  const radio = (value: string, label: string, key: string) => {
    const id = key === firstKey ? fieldId("slot") : `slot-${key}`;
    return (
      <div key={key}>
        <input
          type="radio"
          name="slot"
          id={id}
          value={value}
          defaultChecked={value === selected}
          className="peer sr-only"
        />
        <label htmlFor={id} className="slot-chip">
          {label}
        </label>
      </div>
    );
  };

  return (
    <fieldset aria-describedby={error ? `slot-zone ${errorId("slot")}` : "slot-zone"}>
      <legend className="text-lg font-semibold">Choose a time</legend>
      <p id="slot-zone" className="text-sm text-slate-600 dark:text-slate-400">
        Times are shown in {timeZoneLabel(timeZone, new Date())}. Each call lasts {slotMinutes} minutes.
      </p>
      <FieldError name="slot" error={error} />
      {nearest && nearest.length > 0 ? (
        <div className="mt-3 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
          <p className="font-medium">The nearest open times:</p>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
            {nearest.map((iso) => radio(iso, formatSlot(new Date(iso), timeZone), `nearest-${iso}`))}
          </div>
        </div>
      ) : null}
      {days.length === 0 ? (
        <p className="mt-3">There are no open times in the coming weeks. Please email us and we will find one.</p>
      ) : (
        <div className="mt-3 max-h-[28rem] space-y-4 overflow-y-auto pr-1" role="group" aria-label="Open times by day">
          {days.map((day) => (
            <div key={day.day} role="group" aria-labelledby={`day-${day.day}`}>
              <h2 id={`day-${day.day}`} className="font-medium">
                {day.label}
              </h2>
              <div className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-4">
                {day.slots.map((slot) => radio(slot.value, slot.label, slot.value))}
              </div>
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
});
