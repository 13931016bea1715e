import { type ZoneOffset, zoneOptionLabel } from "@/lib/booking/zone-option-label";
import { fieldId } from "./field-ids";
import { inputClass } from "./form-field";

/**
 * The zone the times are shown in. "Show times" sends the form back to be drawn again in that zone,
 * keeping every answer; with JavaScript the times follow the choice at once and the button is
 * hidden (enhance-booking-forms.ts). The zones come as [name, offset] pairs.
 */
export function TimeZoneSelect({ value, zones }: { value: string; zones: readonly ZoneOffset[] }) {
  // The browser may spell its zone differently from the server's list (Asia/Kolkata, Asia/Calcutta).
  const listed = zones.some(([zone]) => zone === value);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={fieldId("timeZone")} className="block font-medium">
          Your time zone
        </label>
        <select id={fieldId("timeZone")} name="timeZone" defaultValue={value} className={inputClass}>
          {listed ? null : <option value={value}>{value}</option>}
          {zones.map((zoneOffset) => (
            <option key={zoneOffset[0]} value={zoneOffset[0]}>
              {zoneOptionLabel(zoneOffset)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        name="intent"
        value="show-times"
        formNoValidate
        data-show-times
        className="rounded-md border border-slate-500 px-3 py-2 font-medium"
      >
        Show times
      </button>
    </div>
  );
}
