import type { PrismaClient } from "../db/generated/client";
import { listTeam, type TeamMember } from "../consultants/list-team";
import type { Availability } from "./availability";
import { generateSlots, type Slot } from "./generate-slots";

export type ScheduledMember = TeamMember & { busy: Slot[] };

type BusyRow = { consultantId: string | null; startsAt: Date; endsAt: Date };

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
  const rows = await db.$queryRaw<BusyRow[]>`
    SELECT "consultantId"::text AS "consultantId", "startsAt", "endsAt" FROM "Booking"
    WHERE "status" = 'CONFIRMED' AND "endsAt" > ${window.from} AND "startsAt" < ${window.to} AND "id" IS DISTINCT FROM ${exceptBookingId}::uuid
    UNION ALL
    SELECT "consultantId"::text, "startsAt", "endsAt" FROM "BusyInterval"
    WHERE "consultantId" = ANY(${consultantIds}::uuid[]) AND "endsAt" > ${window.from} AND "startsAt" < ${window.to}`;
  const firmWide = consultantIds.length === 0;
  const busyOf = new Map<string | null, Slot[]>(team.map((member) => [member.consultantId, []]));
  for (const row of rows) {
    const slot = { startsAt: row.startsAt, endsAt: row.endsAt };
    if (firmWide) busyOf.get(null)!.push(slot);
    else if (row.consultantId === null) for (const busy of busyOf.values()) busy.push(slot);
    else busyOf.get(row.consultantId)?.push(slot);
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
