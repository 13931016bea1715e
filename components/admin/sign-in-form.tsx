"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/admin/sign-in/actions";
import type { SignInState } from "@/lib/auth/sign-in-state";
import { inputClass } from "@/components/booking/form-field";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, { email: "", answer: 0 } satisfies SignInState);
  return (
    <form action={formAction} className="mt-8 space-y-5" aria-busy={pending}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <p role="alert" id="sign-in-error" className="rounded-md border-2 border-red-700 p-3 font-medium dark:border-red-400">
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-medium">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} key={state.answer} className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" />
    </form>
  );
}
