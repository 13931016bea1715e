import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertStaff, type Staff } from "../auth/verify-staff";
import { assertCanManageConsultant } from "../consultants/consultant-access";
import type { PrismaClient } from "../db/generated/client";
import { calendarUrl } from "./calendar-address";
import { MISSING_KEY_MESSAGE, type CalendarSettings } from "./calendar-settings";
import { sealCalendarSource, type CalendarSource } from "./calendar-source";
import { CalDavAuthError, discoverCalendars } from "./caldav-calendar";
import { syncCalendarNow } from "./sync-calendar";

const label = z.string().trim().min(1, "Give the calendar a name you will recognise").max(80, "Keep the name under 80 characters");
const address = z.string().trim().min(1, "Paste the calendar's address").max(2000, "That address is too long")
  .refine((value) => calendarUrl(value) !== null, "Enter an address starting https:// (or webcal://), without a password in it");

export const feedFormSchema = z.object({ label, url: address });
export const calDavFormSchema = z.object({
  label,
  serverUrl: address,
  username: z.string().trim().min(1, "Enter the username you sign in to the calendar with").max(200),
  password: z.string().min(1, "Enter an app password (see the help below)").max(500),
  calendarName: z.string().trim().max(200).default(""),
});

export type FeedForm = z.input<typeof feedFormSchema>;
export type CalDavForm = z.input<typeof calDavFormSchema>;
type FieldErrors<Form> = Partial<Record<keyof Form | "form", string>>;
export type ConnectResult<Form> = { ok: true; calendarId: string; busyCount: number | null } | { ok: false; errors: FieldErrors<Form> };

/** Connects an iCalendar feed, read at once: an address that does not give a calendar is not kept. */
export async function connectFeed(db: PrismaClient, staff: Staff, consultantId: string, input: FeedForm, settings: CalendarSettings, ip: string | null, now = new Date()): Promise<ConnectResult<FeedForm>> {
  assertCanManageConsultant(staff, consultantId);
  const parsed = feedFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const url = calendarUrl(parsed.data.url)!;
  return save(db, staff, consultantId, { label: parsed.data.label, source: { kind: "ICS_FEED", url: url.toString() }, host: url.hostname, errorField: "url" }, settings, ip, now);
}

/** Connects a CalDAV calendar: signs in, finds the calendar by name (or the only one), reads it. */
export async function connectCalDav(db: PrismaClient, staff: Staff, consultantId: string, input: CalDavForm, settings: CalendarSettings, ip: string | null, now = new Date()): Promise<ConnectResult<CalDavForm>> {
  assertCanManageConsultant(staff, consultantId);
  const parsed = calDavFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (!settings.key) return { ok: false, errors: { form: MISSING_KEY_MESSAGE } };
  const form = parsed.data;
  const server = calendarUrl(form.serverUrl)!;
  const credentials = { serverUrl: server.toString(), username: form.username, password: form.password };
  let calendars;
  try {
    calendars = await discoverCalendars(credentials, settings.fetch);
  } catch (error) {
    if (error instanceof CalDavAuthError) return { ok: false, errors: { password: "The server refused this username and app password" } };
    return { ok: false, errors: { serverUrl: `Could not reach a CalDAV server there: ${(error as Error).message}` } };
  }
  const wanted = form.calendarName.toLowerCase();
  const matching = wanted ? calendars.filter((calendar) => calendar.displayName.toLowerCase() === wanted) : calendars;
  if (matching.length !== 1) {
    const names = calendars.map((calendar) => `"${calendar.displayName}"`).join(", ");
    const message = calendars.length === 0 ? "This account has no calendars for events" : wanted ? `No calendar of that name. This account has: ${names}` : `Which one? This account has: ${names}`;
    return { ok: false, errors: { calendarName: message } };
  }
  const source: CalendarSource = { kind: "CALDAV", ...credentials, calendarUrl: matching[0]!.url };
  return save(db, staff, consultantId, { label: form.label, source, host: server.hostname, errorField: "serverUrl" }, settings, ip, now);
}

async function save<Form>(
  db: PrismaClient,
  staff: Staff,
  consultantId: string,
  calendar: { label: string; source: CalendarSource; host: string; errorField: keyof Form },
  settings: CalendarSettings,
  ip: string | null,
  now: Date,
): Promise<ConnectResult<Form>> {
  if (!settings.key) return { ok: false, errors: { form: MISSING_KEY_MESSAGE } as FieldErrors<Form> };
  const id = uuidv7();
  const { kind } = calendar.source;
  // The first CalDAV calendar a consultant connects is where their calls go.
  const writeBookings = kind === "CALDAV" && (await db.calendar.count({ where: { consultantId, writeBookings: true } })) === 0;
  await db.calendar.create({
    data: { id, consultantId, kind, label: calendar.label, host: calendar.host, secret: sealCalendarSource(calendar.source, id, settings.key), writeBookings },
  });
  const outcome = await syncCalendarNow(db, id, settings, now);
  if (!outcome?.ok) {
    await db.calendar.delete({ where: { id } });
    const reason = outcome ? outcome.error : "it is being read already";
    return { ok: false, errors: { [calendar.errorField]: `Could not read that calendar: ${reason}` } as FieldErrors<Form> };
  }
  await recordAuditEvent(db, { actorId: staff.id, action: "calendar.connected", detail: { consultantId, calendarId: id, kind, label: calendar.label, host: calendar.host }, ip });
  return { ok: true, calendarId: id, busyCount: outcome.busyCount };
}

/** Disconnects a calendar: its busy times go with it; calls already written to it stay there. */
export async function removeCalendar(db: PrismaClient, staff: Staff, calendarId: string, ip: string | null): Promise<void> {
  const calendar = await ownedCalendar(db, staff, calendarId);
  await db.calendar.delete({ where: { id: calendar.id } });
  await recordAuditEvent(db, { actorId: staff.id, action: "calendar.removed", detail: { consultantId: calendar.consultantId, calendarId, label: calendar.label, host: calendar.host }, ip });
}

/** Makes a CalDAV calendar the one the consultant's calls are written to (or none). */
export async function setWriteCalendar(db: PrismaClient, staff: Staff, calendarId: string, on: boolean): Promise<void> {
  const calendar = await ownedCalendar(db, staff, calendarId);
  if (calendar.kind !== "CALDAV") return;
  await db.$transaction([
    db.calendar.updateMany({ where: { consultantId: calendar.consultantId, writeBookings: true }, data: { writeBookings: false } }),
    ...(on ? [db.calendar.update({ where: { id: calendarId }, data: { writeBookings: true } })] : []),
  ]);
}

/** Syncs one of the consultant's calendars now. */
export async function syncOwnCalendar(db: PrismaClient, staff: Staff, calendarId: string, settings: CalendarSettings, now = new Date()) {
  await ownedCalendar(db, staff, calendarId);
  return syncCalendarNow(db, calendarId, settings, now);
}

async function ownedCalendar(db: PrismaClient, staff: Staff, calendarId: string) {
  assertStaff(staff);
  const calendar = await db.calendar.findUnique({ where: { id: calendarId }, select: { id: true, consultantId: true, kind: true, label: true, host: true } });
  if (!calendar) throw new Error("No such calendar");
  assertCanManageConsultant(staff, calendar.consultantId);
  return calendar;
}

function fieldErrors<Form>(error: z.ZodError): FieldErrors<Form> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors as FieldErrors<Form>;
}
