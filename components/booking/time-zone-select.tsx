"use client";

import { memo } from "react";
import { fieldId, inputClass } from "./form-field";

type Option = { value: string; label: string };

/**
 * The zone the times are shown in. With JavaScript the list follows the choice at once; without,
 * "Show times" sends the form back to be drawn again in that zone, keeping every answer. Memoised:
 * its 400-odd options need drawing again only when the zone changes, not as the form is typed in.
 */
export const TimeZoneSelect = memo(function TimeZoneSelect(props: { value: string; options: Option[]; onChange: (zone: string) => void }) {
  const { value, onChange } = props;
  // The browser may spell its zone differently from the server's list (Asia/Kolkata, Asia/Calcutta).
  const options = props.options.some((option) => option.value === value) ? props.options : [{ value, label: value }, ...props.options];
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
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
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
