"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authSettingsFromConfig } from "@/lib/auth/auth-settings";
import { endSessions } from "@/lib/auth/end-sessions";
import { requestIp, staffForAction } from "@/lib/auth/current-staff";
import { sessionCookieName } from "@/lib/auth/session-token";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";

/** Signs out: the cookie goes, and the session itself ends (every session of this account, in fact). */
export async function signOutAction(): Promise<void> {
  const staff = await staffForAction();
  const db = await getPrisma();
  await endSessions(db, staff.id);
  await recordAuditEvent(db, { actorId: staff.id, action: "sign-out", ip: await requestIp() });
  (await cookies()).delete(sessionCookieName(authSettingsFromConfig(getConfig())));
  redirect("/admin/sign-in");
}
