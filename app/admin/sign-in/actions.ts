"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { authSettingsFromConfig } from "@/lib/auth/auth-settings";
import { authenticate } from "@/lib/auth/authenticate";
import { requestIp } from "@/lib/auth/current-staff";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { encodeSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import type { SignInState } from "@/lib/auth/sign-in-state";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { answerCountOf, formText } from "@/lib/http/form-fields";
import { markActionEntered } from "@/lib/http/request-context";

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  markActionEntered();
  const email = formText(formData, "email").trim();
  const password = formText(formData, "password");
  const answer = { email, answer: answerCountOf(previous) + 1 };
  if (!email || !password) return { ...answer, error: "Enter your email and your password." };
  const settings = authSettingsFromConfig(getConfig());
  const outcome = await authenticate(await getPrisma(), { email, password: password.slice(0, 1024), ip: await requestIp() }, settings);
  if (outcome.kind === "throttled") {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return { ...answer, error: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  if (outcome.kind === "refused") return { ...answer, error: "That email and password do not match an active account." };
  (await cookies()).set(sessionCookieName(settings), await encodeSession(outcome.user, settings), sessionCookieOptions(settings));
  redirect(safeCallbackPath(formText(formData, "callbackUrl")));
}
