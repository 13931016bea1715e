import type { PrismaClient } from "../db/generated/client";
import type { BookingSettings } from "./booking-settings";
import { generateSlots, type Slot } from "./generate-slots";
import { listOpenSlots } from "./list-open-slots";
import { nearestSlots } from "./nearest-slots";

const NEAREST_COUNT = 3;

/** Whether the slot is one the firm offers now, ignoring bookings (the database checks those). */
export function isOfferedSlot(slot: Slot, settings: BookingSettings, now: Date): boolean {
  const within = { from: slot.startsAt, to: slot.startsAt };
  return generateSlots({ availability: settings.availability, now, booked: [], within }).length === 1;
}

/** The open times nearest one that was refused, to offer instead. */
export async function nearestOpenSlots(db: PrismaClient, slot: Slot, settings: BookingSettings, now: Date): Promise<Slot[]> {
  return nearestSlots(await listOpenSlots(db, settings.availability, now), slot.startsAt, NEAREST_COUNT);
}
