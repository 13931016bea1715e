import { cookies, headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { cache } from "react";
import { clientAddressOf } from "../http/edge/client-address-header";
import { markActionEntered } from "../http/request-context";
import { getConfig } from "../config";
import { getPrisma } from "../db/database";
import { authSettingsFromConfig } from "./auth-settings";
import { decodeSession, sessionCookieName } from "./session-token";
import { verifyStaff, type Staff } from "./verify-staff";

/**
 * The staff member signed in on this request, or null. Once per request: the admin's layout and
 * its page both ask, and each answer costs a decryption and an account check.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const settings = authSettingsFromConfig(getConfig());
  const token = (await cookies()).get(sessionCookieName(settings))?.value;
  return verifyStaff(await getPrisma(), await decodeSession(token, settings));
});

/** For admin pages: signed-in staff, or off to sign in and back to `path` afterwards; 403 for a STAFF at an ADMIN page. */
export async function staffForPage(path: string, role?: "ADMIN"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/admin/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (role === "ADMIN" && staff.role !== "ADMIN") forbidden();
  return staff;
}

/** For admin server actions and route handlers: 401 without a session, 403 for a STAFF where ADMIN is needed. */
export async function staffForAction(role?: "ADMIN"): Promise<Staff> {
  // Every admin action begins here (the CSV export route too, where it changes nothing).
  markActionEntered();
  const staff = await currentStaff();
  if (!staff) unauthorized();
  if (role === "ADMIN" && staff.role !== "ADMIN") forbidden();
  return staff;
}

/** The client's address on this request, for the audit log and the sign-in throttle. */
export async function requestIp(): Promise<string> {
  return clientAddressOf(await headers());
}
