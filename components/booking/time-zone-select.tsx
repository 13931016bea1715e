"use client";

import { memo } from "react";
import { type ZoneOffset, zoneOptionLabel } from "@/lib/booking/zone-option-label";
import { fieldId, inputClass } from "./form-field";

/**
 * The zone the times are shown in. With JavaScript the list follows the choice at once; without,
 * "Show times" sends the form back to be drawn again in that zone, keeping every answer. The zones
 * come as [name, offset] pairs, a third of the bytes of ready-made labels in the page's payload.
 * Memoised: its 400-odd options need drawing again only when the zone changes, not as the form is typed in.
 */
export const TimeZoneSelect = memo(function TimeZoneSelect(props: { value: string; zones: readonly ZoneOffset[]; onChange: (zone: string) => void }) {
  const { value, zones, onChange } = props;
  // The browser may spell its zone differently from the server's list (Asia/Kolkata, Asia/Calcutta).
  const listed = zones.some(([zone]) => zone === value);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={fieldId("timeZone")} className="block font-medium">
          Your time zone
        </label>
        <select
          id={fieldId("timeZone")}
          name="timeZone"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
        >
          {listed ? null : <option value={value}>{value}</option>}
          {zones.map((zoneOffset) => (
            <option key={zoneOffset[0]} value={zoneOffset[0]}>
              {zoneOptionLabel(zoneOffset)}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <button
          type="submit"
          name="intent"
          value="show-times"
          formNoValidate
          className="rounded-md border border-slate-500 px-3 py-2 font-medium"
        >
          Show times
        </button>
      </noscript>
    </div>
  );
});
