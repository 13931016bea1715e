/**
 * A form's main button: disabled, and saying what is happening, while the form's action runs. On the
 * public pages, served without React, a small script does the same from `data-pending-label`
 * (components/booking/enhance-booking-forms.ts).
 */
export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      data-pending-label={pendingLabel}
      className="w-full rounded-md bg-emerald-700 px-6 py-3 text-lg font-semibold text-white hover:bg-emerald-800 disabled:cursor-wait disabled:opacity-70 sm:w-auto dark:bg-emerald-400 dark:text-slate-950 dark:hover:bg-emerald-300"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
