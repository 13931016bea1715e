"use client";

import { addMinutes } from "date-fns";
import { memo, useDeferredValue, useMemo, useState } from "react";
import { formatSlot, groupSlotsByDay, timeZoneLabel } from "@/lib/booking/slot-display";
import { FieldError, errorId } from "./form-field";
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
 * and no-JS work. The server draws every day's times inside <noscript>, where CSS shows one day at a
 * time and React never hydrates them; once hydrated, the form draws only the chosen day's times.
 */
export const SlotPicker = memo(function SlotPicker({ slots, slotMinutes, timeZone, selected, nearest, error, emptyMessage }: Props) {
  // False on the server and while hydrating; then true in a render of its own, which can yield.
  const hydrated = useDeferredValue(true, false);
  const [shownDay, setShownDay] = useState<string>();
  // The choice picked here (see SlotChoices), until the server answers with another time (a refused one comes back as "").
  const [pick, setPick] = useState({ answeredWith: selected, choice: selected });
  const picked = pick.answeredWith === selected ? pick.choice : selected;
  const days = useMemo(
    () =>
      hydrated || typeof window === "undefined"
        ? groupSlotsByDay(
            slots.map((iso) => ({ startsAt: new Date(iso), endsAt: addMinutes(new Date(iso), slotMinutes) })),
            timeZone,
          )
        : [],
    [hydrated, slots, slotMinutes, timeZone],
  );
  const nearestChoices = (nearest ?? []).map((iso) => ({ value: iso, label: formatSlot(new Date(iso), timeZone) }));
  const dayOf = (choice: string | undefined) => days.find((day) => day.slots.some((time) => choice && time.value === slotOfChoice(choice)))?.day;

  return (
    <fieldset aria-describedby={error ? `slot-zone ${errorId("slot")}` : "slot-zone"}>
      <legend className="text-lg font-semibold">Choose a time</legend>
      <p id="slot-zone" className="text-sm text-slate-600 dark:text-slate-400">
        Times are shown in {timeZoneLabel(timeZone, new Date())}. Each call lasts {slotMinutes} minutes.
      </p>
      <FieldError name="slot" error={error} />
      {hydrated ? (
        <SlotChoices
          days={days}
          nearest={nearestChoices}
          shownDay={shownDay ?? dayOf(picked)}
          picked={picked}
          emptyMessage={emptyMessage}
          onShowDay={setShownDay}
          onPick={(choice) => setPick({ answeredWith: selected, choice })}
        />
      ) : (
        // React leaves a <noscript>'s content as the server sent it, so the browser builds these only without JavaScript.
        <noscript>
          {typeof window === "undefined" ? (
            <SlotChoices days={days} nearest={nearestChoices} shownDay={dayOf(selected)} picked={selected} emptyMessage={emptyMessage} />
          ) : null}
        </noscript>
      )}
    </fieldset>
  );
});
