"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestIp, staffForAction } from "@/lib/auth/current-staff";
import type { Staff } from "@/lib/auth/verify-staff";
import { calendarSettingsFromConfig } from "@/lib/calendars/calendar-settings";
import { connectCalDav, connectFeed, removeCalendar, setWriteCalendar, syncOwnCalendar } from "@/lib/calendars/connect-calendar";
import { getConfig } from "@/lib/config";
import type { ConsultantFormState } from "@/lib/consultants/consultant-form-state";
import { setTakesCalls, updateConsultantHours } from "@/lib/consultants/consultant-profile";
import { getPrisma } from "@/lib/db/database";
import { formFields, formText } from "@/lib/http/form-fields";

// One set of actions for /admin/me and an administrator's /admin/accounts/<id>: the data layer
// lets a consultant change only their own settings, and an administrator anyone's.

const userIdSchema = z.uuid();
const unreadable: ConsultantFormState = { values: {}, errors: { form: "That form could not be read; reload the page and try again." } };

/** Who is signed in, and whose settings the form is for (the data layer checks they may). */
async function editorOf(formData: FormData): Promise<{ staff: Staff; userId: string } | null> {
  const staff = await staffForAction();
  const { data: userId } = userIdSchema.safeParse(formText(formData, "userId"));
  return userId ? { staff, userId } : null;
}

function settingsPage(userId: string, staffId: string): string {
  return userId === staffId ? "/admin/me" : `/admin/accounts/${userId}`;
}

export async function saveHoursAction(previous: ConsultantFormState, formData: FormData): Promise<ConsultantFormState> {
  const editor = await editorOf(formData);
  if (!editor) return unreadable;
  const { staff, userId } = editor;
  const values = {
    timeZone: formText(formData, "timeZone"),
    workingDays: formData.getAll("workingDays").map(String),
    dayStart: formText(formData, "dayStart"),
    dayEnd: formText(formData, "dayEnd"),
  };
  const result = await updateConsultantHours(await getPrisma(), staff, userId, values, await requestIp());
  if (!result.ok) return { values, errors: result.errors };
  revalidatePath(settingsPage(userId, staff.id));
  return { values, errors: {}, saved: "Hours saved. /book offers them from now on." };
}

export async function connectFeedAction(previous: ConsultantFormState, formData: FormData): Promise<ConsultantFormState> {
  const editor = await editorOf(formData);
  if (!editor) return unreadable;
  const { staff, userId } = editor;
  const values = { label: formText(formData, "label"), url: formText(formData, "url") };
  const result = await connectFeed(await getPrisma(), staff, userId, values, calendarSettingsFromConfig(getConfig()), await requestIp());
  if (!result.ok) return { values, errors: result.errors };
  revalidatePath(settingsPage(userId, staff.id));
  return { values: { label: "", url: "" }, errors: {}, saved: `Connected "${values.label}": ${busyNote(result.busyCount)}.` };
}

export async function connectCalDavAction(previous: ConsultantFormState, formData: FormData): Promise<ConsultantFormState> {
  const editor = await editorOf(formData);
  if (!editor) return unreadable;
  const { staff, userId } = editor;
  const input = {
    label: formText(formData, "label"),
    serverUrl: formText(formData, "serverUrl"),
    username: formText(formData, "username"),
    password: String(formData.get("password") ?? ""),
    calendarName: formText(formData, "calendarName"),
  };
  const values = { label: input.label, serverUrl: input.serverUrl, username: input.username, calendarName: input.calendarName };
  const result = await connectCalDav(await getPrisma(), staff, userId, input, calendarSettingsFromConfig(getConfig()), await requestIp());
  if (!result.ok) return { values, errors: result.errors };
  revalidatePath(settingsPage(userId, staff.id));
  return { values: { label: "", serverUrl: "", username: "", calendarName: "" }, errors: {}, saved: `Connected "${values.label}": ${busyNote(result.busyCount)}.` };
}

const calendarChange = z.object({ userId: z.uuid(), calendarId: z.uuid(), change: z.enum(["sync", "remove", "write-here", "write-nowhere"]) });

export async function changeCalendarAction(formData: FormData): Promise<void> {
  const staff = await staffForAction();
  const parsed = calendarChange.safeParse(formFields(formData));
  if (!parsed.success) redirect("/admin/me?notice=invalid");
  const { userId, calendarId, change } = parsed.data;
  const db = await getPrisma();
  let notice = "saved";
  if (change === "sync") {
    const outcome = await syncOwnCalendar(db, staff, calendarId, calendarSettingsFromConfig(getConfig()));
    notice = !outcome ? "syncing" : outcome.ok ? "synced" : "sync-failed";
  } else if (change === "remove") await removeCalendar(db, staff, calendarId, await requestIp());
  else await setWriteCalendar(db, staff, calendarId, change === "write-here");
  redirect(`${settingsPage(userId, staff.id)}?notice=${notice}`);
}

const takesCallsChange = z.object({ userId: z.uuid(), takesCalls: z.enum(["yes", "no"]) });

export async function setTakesCallsAction(formData: FormData): Promise<void> {
  const staff = await staffForAction("ADMIN");
  const parsed = takesCallsChange.safeParse(formFields(formData));
  if (!parsed.success) redirect("/admin/accounts?notice=invalid");
  await setTakesCalls(await getPrisma(), staff, parsed.data.userId, parsed.data.takesCalls === "yes", await requestIp());
  redirect("/admin/accounts?notice=saved");
}

const busyNote = (count: number | null) => (count === null ? "read" : `${count} busy ${count === 1 ? "time" : "times"} in the coming weeks`);
