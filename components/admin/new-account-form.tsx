"use client";

import { useActionState } from "react";
import { createAccountAction } from "@/app/admin/(staff)/accounts/actions";
import type { AccountFormState } from "@/lib/auth/account-form-state";

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";
const initial: AccountFormState = { values: { email: "", name: "", role: "STAFF" }, errors: {} };

export function NewAccountForm() {
  const [state, formAction, pending] = useActionState(createAccountAction, initial);
  const error = (name: keyof AccountFormState["errors"]) =>
    state.errors[name] ? <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{state.errors[name]}</p> : null;
  return (
    <form action={formAction} className="grid max-w-2xl gap-3 sm:grid-cols-3" aria-busy={pending} onReset={(event) => event.preventDefault()}>
      {state.created ? (
        <p role="status" className="rounded-md border-2 border-emerald-700 p-3 sm:col-span-3 dark:border-emerald-400">
          Made {state.created.email}. Their password, shown this once: <code className="font-mono font-semibold">{state.created.password}</code>
        </p>
      ) : null}
      <div>
        <label htmlFor="new-email" className="text-sm font-medium">Email</label>
        <input id="new-email" name="email" type="email" defaultValue={state.values.email} key={`e${state.created?.email}`} aria-invalid={Boolean(state.errors.email)} aria-describedby={state.errors.email ? "email-error" : undefined} className={fieldClass} />
        {error("email")}
      </div>
      <div>
        <label htmlFor="new-name" className="text-sm font-medium">Name</label>
        <input id="new-name" name="name" defaultValue={state.values.name} key={`n${state.created?.email}`} aria-invalid={Boolean(state.errors.name)} aria-describedby={state.errors.name ? "name-error" : undefined} className={fieldClass} />
        {error("name")}
      </div>
      <div>
        <label htmlFor="new-role" className="text-sm font-medium">Role</label>
        <select id="new-role" name="role" defaultValue={state.values.role} className={fieldClass}>
          <option value="STAFF">Staff: works leads</option>
          <option value="ADMIN">Admin: also accounts, erasure, audit log</option>
        </select>
      </div>
      <div className="sm:col-span-3">
        <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white dark:bg-emerald-400 dark:text-slate-950">
          Make the account
        </button>
      </div>
    </form>
  );
}
