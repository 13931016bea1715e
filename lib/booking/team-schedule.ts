import type { PrismaClient } from "../db/generated/client";
import { consultantAvailability } from "../consultants/consultant-hours";
import type { Availability } from "./availability";
import { generateSlots, type BusyRange, type Slot } from "./generate-slots";

/** Who takes calls: each consultant, or, with none set up, the firm itself (consultantId null). */
export type TeamMember = { consultantId: string | null; name: string; availability: Availability };

export type ScheduledMember = TeamMember & { busy: BusyRange[] };

/**
 * One row per consultant who takes calls (member) and per owner of busy times in the window: a
 * consultant, or null for the firm's own bookings. A member's fields are null on the other rows.
 */
type ScheduleRow = {
  consultantId: string | null;
  member: boolean;
  name: string | null;
  timeZone: string | null;
  workingDays: string[] | null;
  dayStart: string | null;
  dayEnd: string | null;
  starts: number[] | null;
  ends: number[] | null;
};

/**
 * Each member of the team with what keeps them busy in the window: their confirmed bookings, the
 * firm's own (unassigned) bookings, which block everyone, and the busy times of their calendars.
 * With no consultants set up, the firm is the one member and every booking is its own. One query:
 * every booking checks its slot with it.
 */
export async function loadTeamSchedule(
  db: PrismaClient,
  firm: Availability,
  window: { from: Date; to: Date },
  /** A booking being moved: its own time does not stand in its way. */
  exceptBookingId: string | null = null,
): Promise<ScheduledMember[]> {
  // Busy times come as arrays of epoch milliseconds: /book reads thousands of them, and a row
  // object and two Dates for each cost more than the query.
  const rows = await db.$queryRaw<ScheduleRow[]>`
    WITH team AS (
      SELECT "id", "name", "timeZone", "workingDays", "dayStart", "dayEnd", "createdAt"
      FROM "User" WHERE "takesCalls" AND "disabledAt" IS NULL
    ),
    busy AS (
      SELECT "consultantId", array_agg("startsAt") AS "starts", array_agg("endsAt") AS "ends" FROM (
        SELECT "consultantId", (extract(epoch FROM "startsAt") * 1000)::float8 AS "startsAt", (extract(epoch FROM "endsAt") * 1000)::float8 AS "endsAt"
        FROM "Booking"
        -- The overlap as the exclusion constraint's own GiST index (Booking_no_overlap) reads it:
        -- "startsAt" < to on the btree read every booking that started before the window, all history.
        WHERE "status" = 'CONFIRMED' AND tstzrange("startsAt", "endsAt", '[)') && tstzrange(${window.from}::timestamptz, ${window.to}::timestamptz, '[)')
          AND "id" IS DISTINCT FROM ${exceptBookingId}::uuid
        UNION ALL
        SELECT "consultantId", (extract(epoch FROM "startsAt") * 1000)::float8, (extract(epoch FROM "endsAt") * 1000)::float8
        FROM "BusyInterval"
        WHERE "consultantId" IN (SELECT "id" FROM team) AND "endsAt" > ${window.from} AND "startsAt" < ${window.to}
      ) AS intervals
      GROUP BY "consultantId"
    )
    SELECT COALESCE(team."id", busy."consultantId")::text AS "consultantId", team."id" IS NOT NULL AS "member", team."name",
      team."timeZone", team."workingDays", team."dayStart", team."dayEnd", busy."starts", busy."ends"
    FROM team FULL OUTER JOIN busy ON busy."consultantId" = team."id"
    ORDER BY team."createdAt" NULLS LAST, team."id"`;

  const consultants = rows.filter((row) => row.member);
  const firmWide = consultants.length === 0;
  const team: TeamMember[] = firmWide
    ? [{ consultantId: null, name: "", availability: firm }]
    : consultants.map((row) => ({
        consultantId: row.consultantId,
        name: row.name ?? "",
        availability: consultantAvailability(firm, { ...row, workingDays: row.workingDays ?? [] }),
      }));
  const busyOf = new Map<string | null, BusyRange[]>(team.map((member) => [member.consultantId, []]));
  for (const row of rows) {
    if (!row.starts || !row.ends) continue;
    const ends = row.ends;
    const ranges = row.starts.map((start, index) => ({ start: Number(start), end: Number(ends[index]) }));
    if (firmWide) busyOf.get(null)!.push(...ranges);
    else if (row.consultantId === null) for (const busy of busyOf.values()) busy.push(...ranges);
    else busyOf.get(row.consultantId)?.push(...ranges);
  }
  return team.map((member) => ({ ...member, busy: busyOf.get(member.consultantId)! }));
}

/** The times at least one member is free for, in order. */
export function openTeamSlots(schedule: ScheduledMember[], now: Date): Slot[] {
  const byStart = new Map<number, Slot>();
  for (const member of schedule) {
    for (const slot of generateSlots({ availability: member.availability, now, booked: member.busy })) byStart.set(slot.startsAt.getTime(), slot);
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The members whose hours hold the slot (`busy` ignored when `ignoreBusy`), in the team's order. */
export function membersFreeFor(schedule: ScheduledMember[], slot: Slot, now: Date, { ignoreBusy = false } = {}): ScheduledMember[] {
  const within = { from: slot.startsAt, to: slot.startsAt };
  return schedule.filter((member) => {
    const [offered] = generateSlots({ availability: member.availability, now, booked: ignoreBusy ? [] : member.busy, within });
    return offered?.endsAt.getTime() === slot.endsAt.getTime();
  });
}
