import type { ReactNode } from "react";
import { errorId, fieldErrorClass, fieldErrorPrefix, fieldId, hintId } from "./field-ids";

/** What a control needs to be tied to its label, hint and error for assistive technology. */
export function controlProps(name: string, error: string | undefined, hasHint = false) {
  const describedBy = [hasHint ? hintId(name) : "", error ? errorId(name) : ""].filter(Boolean).join(" ");
  return {
    id: fieldId(name),
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
  "focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/40 aria-[invalid=true]:border-red-700 " +
  "dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400";

export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={errorId(name)} className={fieldErrorClass}>
      <span className="sr-only">{fieldErrorPrefix}</span>
      {error}
    </p>
  );
}

export function FormField(props: { name: string; label: string; optional?: boolean; hint?: string; error?: string; children: ReactNode }) {
  const { name, label, optional, hint, error, children } = props;
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-medium">
        {label}
        {optional ? <span className="font-normal text-slate-600 dark:text-slate-400"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId(name)} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}
