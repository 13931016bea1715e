import { addMinutes } from "date-fns";
import { formatSlot, groupSlotsByDay, timeZoneLabel } from "@/lib/booking/slot-display";
import { errorId } from "./field-ids";
import { FieldError } from "./form-field";
import { SlotChoices, slotOfChoice } from "./slot-choices";

type Props = {
  slots: string[];
  slotMinutes: number;
  timeZone: string;
  selected: string | undefined;
  nearest: string[] | undefined;
  error: string | undefined;
  /** Said instead of the times when there are none to show. */
  emptyMessage?: string;
};

/**
 * Open times in the person's zone: choose a day, then one of its times; plain radio groups, so keys
 * and no-JS work. Every day's times are drawn and CSS shows one day's at a time. A change of zone
 * draws the picker again on the server (the form's Show times, which enhance-booking-forms.ts sends
 * in the background and swaps in by its `data-slot-picker`).
 */
export function SlotPicker({ slots, slotMinutes, timeZone, selected, nearest, error, emptyMessage }: Props) {
  const days = groupSlotsByDay(
    slots.map((iso) => ({ startsAt: new Date(iso), endsAt: addMinutes(new Date(iso), slotMinutes) })),
    timeZone,
  );
  const nearestChoices = (nearest ?? []).map((iso) => ({ value: iso, label: formatSlot(new Date(iso), timeZone) }));
  const shownDay = selected ? days.find((day) => day.slots.some((time) => time.value === slotOfChoice(selected)))?.day : undefined;

  return (
    <fieldset data-slot-picker aria-describedby={error ? `slot-zone ${errorId("slot")}` : "slot-zone"}>
      <legend className="text-lg font-semibold">Choose a time</legend>
      <p id="slot-zone" className="text-sm text-slate-600 dark:text-slate-400">
        Times are shown in {timeZoneLabel(timeZone, new Date())}. Each call lasts {slotMinutes} minutes.
      </p>
      <FieldError name="slot" error={error} />
      <SlotChoices days={days} nearest={nearestChoices} shownDay={shownDay} picked={selected} emptyMessage={emptyMessage} />
    </fieldset>
  );
}
