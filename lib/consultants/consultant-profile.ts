import { recordAuditEvent } from "../audit/record-audit-event";
import { assertStaff, type Staff } from "../auth/verify-staff";
import type { PrismaClient } from "../db/generated/client";
import { assertCanManageConsultant } from "./consultant-access";
import { consultantHoursSchema, hoursForStorage } from "./consultant-hours";

/** What the admin shows of a calendar: never where it is beyond its host, nor how to sign in. */
const calendarView = {
  id: true,
  kind: true,
  label: true,
  host: true,
  writeBookings: true,
  lastSyncedAt: true,
  lastError: true,
  failingSince: true,
  createdAt: true,
  _count: { select: { busy: true } },
} as const;

export async function getConsultantProfile(db: PrismaClient, staff: Staff, userId: string) {
  assertCanManageConsultant(staff, userId);
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, email: true, takesCalls: true, timeZone: true, workingDays: true, dayStart: true, dayEnd: true,
      calendars: { select: calendarView, orderBy: { createdAt: "asc" } },
    },
  });
}

export type ConsultantProfile = NonNullable<Awaited<ReturnType<typeof getConsultantProfile>>>;

export type HoursResult = { ok: true } | { ok: false; errors: Partial<Record<"timeZone" | "workingDays" | "dayStart" | "dayEnd", string>> };

export async function updateConsultantHours(db: PrismaClient, staff: Staff, userId: string, input: unknown, ip: string | null): Promise<HoursResult> {
  assertCanManageConsultant(staff, userId);
  const parsed = consultantHoursSchema.safeParse(input);
  if (!parsed.success) {
    const errors: HoursResult & { ok: false } = { ok: false, errors: {} };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof typeof errors.errors;
      errors.errors[field] ??= issue.message;
    }
    return errors;
  }
  const hours = hoursForStorage(parsed.data);
  await db.user.update({ where: { id: userId }, data: hours });
  await recordAuditEvent(db, { actorId: staff.id, action: "consultant.hours", detail: { userId, ...hours }, ip });
  return { ok: true };
}

/** ADMIN: whether an account takes calls (is offered on /book and assigned bookings). */
export async function setTakesCalls(db: PrismaClient, staff: Staff, userId: string, takesCalls: boolean, ip: string | null): Promise<void> {
  assertStaff(staff, "ADMIN");
  await db.user.update({ where: { id: userId }, data: { takesCalls } });
  await recordAuditEvent(db, { actorId: staff.id, action: takesCalls ? "consultant.added" : "consultant.removed", detail: { userId }, ip });
}
