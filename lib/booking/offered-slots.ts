import { addMinutes } from "date-fns";
import type { PrismaClient } from "../db/generated/client";
import type { BookingSettings } from "./booking-settings";
import type { Slot } from "./generate-slots";
import { listOpenSlots } from "./list-open-slots";
import { nearestSlots } from "./nearest-slots";
import { loadTeamSchedule, membersFreeFor } from "./team-schedule";

const NEAREST_COUNT = 3;

export type SlotAvailability =
  /** Nobody's hours hold it (or it is too soon, too far off, off the grid). */
  | { kind: "not-offered" }
  /** In someone's hours, but everyone whose hours hold it is busy. */
  | { kind: "taken" }
  /** Who could take it, in the team's order: consultants' ids, or empty for the firm itself. */
  | { kind: "free"; consultantIds: string[] };

/** Who is free for one slot: a look at the slot's own neighbourhood, not the whole horizon. */
export async function slotAvailability(
  db: PrismaClient,
  slot: Slot,
  settings: BookingSettings,
  now: Date,
  exceptBookingId: string | null = null,
): Promise<SlotAvailability> {
  const margin = settings.availability.bufferMinutes;
  const window = { from: addMinutes(slot.startsAt, -margin), to: addMinutes(slot.endsAt, margin) };
  const schedule = await loadTeamSchedule(db, settings.availability, window, exceptBookingId);
  if (membersFreeFor(schedule, slot, now, { ignoreBusy: true }).length === 0) return { kind: "not-offered" };
  const free = membersFreeFor(schedule, slot, now);
  if (free.length === 0) return { kind: "taken" };
  return { kind: "free", consultantIds: free.flatMap((member) => (member.consultantId ? [member.consultantId] : [])) };
}

/** The open times nearest one that was refused, to offer instead. */
export async function nearestOpenSlots(db: PrismaClient, slot: Slot, settings: BookingSettings, now: Date): Promise<Slot[]> {
  return nearestSlots(await listOpenSlots(db, settings.availability, now), slot.startsAt, NEAREST_COUNT);
}
