import type { ReactNode } from "react";

export const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";

/** A labelled field with its error (if any) beneath, tied to it for screen readers. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

/** aria-invalid and aria-describedby for a field's input. */
export const describedBy = (id: string, error?: string, hint?: boolean) => ({
  "aria-invalid": Boolean(error),
  "aria-describedby": [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined,
});

export function FormMessage({ saved, error }: { saved?: string; error?: string }) {
  if (error) return <p role="alert" className="rounded-md border-2 border-red-700 p-3 sm:col-span-2 dark:border-red-400">{error}</p>;
  if (saved) return <p role="status" className="rounded-md border-2 border-emerald-700 p-3 sm:col-span-2 dark:border-emerald-400">{saved}</p>;
  return null;
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white dark:bg-emerald-400 dark:text-slate-950">
      {children}
    </button>
  );
}
