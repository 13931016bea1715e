import type { SlotDay } from "@/lib/booking/slot-display";
import { fieldId } from "./field-ids";

type Props = {
  days: SlotDay[];
  /** The nearest open times after one was just taken, offered first: value and label. */
  nearest: Array<{ value: string; label: string }>;
  /** The day whose times are shown first. */
  shownDay: string | undefined;
  /** The choice that is checked, by its key: a time's value, or `nearest-` and the value in the nearest list. */
  picked: string | undefined;
  /** Said instead of the times when there are none to show. */
  emptyMessage?: string;
};

/** The time a choice's key stands for. */
export const slotOfChoice = (key: string) => key.replace(/^nearest-/, "");

/**
 * A row of days, and under it the times of the one chosen: each day's radio is followed by its label
 * and its times, which CSS shows only after a checked day (globals.css, `.slot-days`), so choosing a
 * day needs no script.
 */
export function SlotChoices({ days, nearest, shownDay, picked, emptyMessage }: Props) {
  const shown = days.find((day) => day.day === shownDay) ?? days[0];
  // The first choice on view carries the field's id, so the error summary's link lands on the group.
  const firstKey = nearest.length ? `nearest-${nearest[0]!.value}` : shown?.slots[0]?.value;
  // The label holds its radio, and .slot-chip styles both: there are hundreds of these.
  const radio = (value: string, label: string, key: string) => (
    <label key={key} className="slot-chip">
      <input type="radio" name="slot" id={key === firstKey ? fieldId("slot") : undefined} value={value} defaultChecked={key === picked} />
      {label}
    </label>
  );

  return (
    <>
      {nearest.length > 0 ? (
        <div className="mt-3 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
          <p className="font-medium">The nearest open times:</p>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">{nearest.map((slot) => radio(slot.value, slot.label, `nearest-${slot.value}`))}</div>
        </div>
      ) : null}
      {days.length === 0 ? (
        <p className="mt-3">{emptyMessage ?? "There are no open times in the coming weeks. Please email us and we will find one."}</p>
      ) : (
        <div className="slot-days mt-3" role="group" aria-label="Open times by day">
          {days.map((day) => [
            <input key={`${day.day}-input`} type="radio" name="day" id={`slot-day-${day.day}`} value={day.day} defaultChecked={day === shown} className="sr-only" />,
            <label key={`${day.day}-label`} htmlFor={`slot-day-${day.day}`} className="day-chip">
              {day.shortLabel}
            </label>,
            <div key={`${day.day}-times`} className="day-times" role="group" aria-labelledby={`slot-day-${day.day}-heading`}>
              <h2 id={`slot-day-${day.day}-heading`} className="font-medium">
                {day.label}
              </h2>
              <div className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-4">{day.slots.map((slot) => radio(slot.value, slot.label, slot.value))}</div>
            </div>,
          ])}
        </div>
      )}
    </>
  );
}
