import type { PrismaClient } from "../db/generated/client";
import { listTeam, type TeamMember } from "../consultants/list-team";
import type { Availability } from "./availability";
import { generateSlots, type BusyRange, type Slot } from "./generate-slots";

export type ScheduledMember = TeamMember & { busy: BusyRange[] };

type BusyRow = { consultantId: string | null; starts: number[]; ends: number[] };

/**
 * Each member of the team with what keeps them busy in the window: their confirmed bookings, the
 * firm's own (unassigned) bookings, which block everyone, and the busy times of their calendars.
 * With no consultants set up, the firm is the one member and every booking is its own.
 */
export async function loadTeamSchedule(
  db: PrismaClient,
  firm: Availability,
  window: { from: Date; to: Date },
  /** A booking being moved: its own time does not stand in its way. */
  exceptBookingId: string | null = null,
): Promise<ScheduledMember[]> {
  const team = await listTeam(db, firm);
  const consultantIds = team.flatMap((member) => (member.consultantId ? [member.consultantId] : []));
  // One row per consultant with their times as epoch milliseconds: /book reads thousands of busy
  // times, and a row object and two Dates for each cost more than the query.
  const rows = await db.$queryRaw<BusyRow[]>`
    SELECT "consultantId", array_agg("startsAt") AS "starts", array_agg("endsAt") AS "ends" FROM (
      SELECT "consultantId"::text AS "consultantId", (extract(epoch FROM "startsAt") * 1000)::float8 AS "startsAt", (extract(epoch FROM "endsAt") * 1000)::float8 AS "endsAt"
      FROM "Booking"
      WHERE "status" = 'CONFIRMED' AND "endsAt" > ${window.from} AND "startsAt" < ${window.to} AND "id" IS DISTINCT FROM ${exceptBookingId}::uuid
      UNION ALL
      SELECT "consultantId"::text, (extract(epoch FROM "startsAt") * 1000)::float8, (extract(epoch FROM "endsAt") * 1000)::float8
      FROM "BusyInterval"
      WHERE "consultantId" = ANY(${consultantIds}::uuid[]) AND "endsAt" > ${window.from} AND "startsAt" < ${window.to}
    ) AS busy
    GROUP BY "consultantId"`;
  const firmWide = consultantIds.length === 0;
  const busyOf = new Map<string | null, BusyRange[]>(team.map((member) => [member.consultantId, []]));
  for (const row of rows) {
    const ranges = row.starts.map((start, index) => ({ start: Number(start), end: Number(row.ends[index]) }));
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
