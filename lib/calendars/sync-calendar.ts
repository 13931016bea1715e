import { addDays, addMinutes } from "date-fns";
import { withConsultantSql } from "../booking/choose-consultant-sql";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { MISSING_KEY_MESSAGE, type CalendarSettings } from "./calendar-settings";
import { openCalendarSource } from "./calendar-source";
import { readCalendar } from "./read-calendar";

export type SyncOutcome = { ok: true; changed: boolean; busyCount: number | null } | { ok: false; error: string };

const LEASE_SECONDS = 120;
// A calendar read again in full at least this often, so the horizon's new days get their busy times.
const EXTRA_DAYS = 7;
// Staff hear of a failure that lasts, not of a blip the next sync clears.
const ALERT_AFTER_MINUTES = 15;
const MAX_ERROR_LENGTH = 300;
const BATCH = 20;

/** Claims the calendars due a sync (each by one worker only, however many run) and syncs them. */
export async function syncDueCalendars(db: PrismaClient, settings: CalendarSettings, now = new Date()): Promise<SyncOutcome[]> {
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Calendar" SET "syncLeaseExpiresAt" = ${addMinutes(now, LEASE_SECONDS / 60)}
    WHERE "id" IN (
      SELECT calendar."id" FROM "Calendar" AS calendar JOIN "User" AS consultant ON consultant."id" = calendar."consultantId"
      WHERE calendar."nextSyncAt" <= ${now} AND (calendar."syncLeaseExpiresAt" IS NULL OR calendar."syncLeaseExpiresAt" < ${now})
        AND consultant."takesCalls" AND consultant."disabledAt" IS NULL
      ORDER BY calendar."nextSyncAt" LIMIT ${BATCH}
      FOR UPDATE OF calendar SKIP LOCKED
    )
    RETURNING "id"::text`;
  const outcomes: SyncOutcome[] = [];
  for (const { id } of claimed) outcomes.push(await syncClaimedCalendar(db, id, settings, now));
  return outcomes;
}

/** Syncs one calendar now (the admin's "Sync now"); null when a worker is syncing it already. */
export async function syncCalendarNow(db: PrismaClient, calendarId: string, settings: CalendarSettings, now = new Date()): Promise<SyncOutcome | null> {
  const claimed = await db.calendar.updateMany({
    where: { id: calendarId, OR: [{ syncLeaseExpiresAt: null }, { syncLeaseExpiresAt: { lt: now } }] },
    data: { syncLeaseExpiresAt: addMinutes(now, LEASE_SECONDS / 60) },
  });
  return claimed.count === 1 ? syncClaimedCalendar(db, calendarId, settings, now) : null;
}

async function syncClaimedCalendar(db: PrismaClient, calendarId: string, settings: CalendarSettings, now: Date): Promise<SyncOutcome> {
  const calendar = await db.calendar.findUnique({ where: { id: calendarId }, include: { consultant: { select: { timeZone: true } } } });
  if (!calendar) return { ok: false, error: "the calendar was removed" };
  const window = { from: now, to: addDays(now, settings.horizonDays + 1 + EXTRA_DAYS), timeZone: calendar.consultant.timeZone ?? settings.firmTimeZone };
  const coversHorizon = calendar.busyUntil !== null && calendar.busyUntil >= addDays(now, settings.horizonDays + 1);
  const next = { nextSyncAt: addMinutes(now, settings.syncMinutes), syncLeaseExpiresAt: null };
  const succeeded = { ...next, lastSyncedAt: now, lastError: null, failingSince: null, alertedAt: null };
  try {
    if (!settings.key) throw new Error(MISSING_KEY_MESSAGE);
    const source = openCalendarSource(calendar.secret, calendar.id, settings.key);
    const reading = await readCalendar(source, coversHorizon ? calendar.version : null, window, settings.fetch);
    if (!reading.changed) {
      await db.calendar.update({ where: { id: calendar.id }, data: succeeded });
      return { ok: true, changed: false, busyCount: null };
    }
    await db.$transaction([
      db.busyInterval.deleteMany({ where: { calendarId: calendar.id } }),
      db.busyInterval.createMany({ data: reading.busy.map((busy) => ({ ...busy, calendarId: calendar.id, consultantId: calendar.consultantId })) }),
      db.calendar.update({ where: { id: calendar.id }, data: { ...succeeded, version: reading.version, busyUntil: window.to } }),
    ]);
    return { ok: true, changed: true, busyCount: reading.busy.length };
  } catch (error) {
    const message = describeFailure(error);
    await recordFailure(db, calendar.id, message, next.nextSyncAt, settings, now);
    return { ok: false, error: message };
  }
}

/**
 * Keeps the last busy times, notes the error and, once it has lasted, owes staff and the
 * consultant one email: the same statement sets alertedAt, so no later failure sends another
 * until a sync succeeds.
 */
async function recordFailure(db: PrismaClient, calendarId: string, message: string, nextSyncAt: Date, settings: CalendarSettings, now: Date) {
  const alertBefore = addMinutes(now, -ALERT_AFTER_MINUTES);
  await db.$queryRaw`
    WITH before AS (
      SELECT calendar."id", calendar."alertedAt", COALESCE(calendar."failingSince", ${now}) AS "failingSince", consultant."email"
      FROM "Calendar" AS calendar JOIN "User" AS consultant ON consultant."id" = calendar."consultantId"
      WHERE calendar."id" = ${calendarId}::uuid
    ),
    alert AS (
      INSERT INTO "OutboxMessage" ("id", "kind", "recipient", "calendarId", "updatedAt")
      SELECT gen_random_uuid(), 'CALENDAR_SYNC_FAILED', ${withConsultantSql(settings.staffEmails.join(", "), Prisma.sql`SELECT before."email"`)}, before."id", now()
      FROM before WHERE before."alertedAt" IS NULL AND before."failingSince" <= ${alertBefore}
      RETURNING 1
    ),
    updated AS (
      UPDATE "Calendar" AS calendar SET "lastError" = ${message}, "failingSince" = before."failingSince", "nextSyncAt" = ${nextSyncAt},
        "syncLeaseExpiresAt" = NULL, "alertedAt" = CASE WHEN EXISTS (SELECT 1 FROM alert) THEN ${now} ELSE calendar."alertedAt" END, "updatedAt" = now()
      FROM before WHERE calendar."id" = before."id"
    ),
    wake AS (SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM alert LIMIT 1) AS owed)
    SELECT (SELECT count(*) FROM alert) AS "alerted", (SELECT count(*) FROM wake) AS "woke"`;
}

/** What the admin shows: the error's own words, which never hold the address's path or a password. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, MAX_ERROR_LENGTH);
}
