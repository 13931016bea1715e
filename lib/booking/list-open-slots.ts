import { addDays } from "date-fns";
import type { PrismaClient } from "../db/generated/client";
import type { Availability } from "./availability";
import { generateSlots, type Slot } from "./generate-slots";

/** The confirmed bookings that could touch a slot between now and the horizon. */
async function listBookedRanges(db: PrismaClient, availability: Availability, now: Date): Promise<Slot[]> {
  return db.booking.findMany({
    where: { status: "CONFIRMED", endsAt: { gt: now }, startsAt: { lt: addDays(now, availability.horizonDays + 1) } },
    select: { startsAt: true, endsAt: true },
    orderBy: { startsAt: "asc" },
  });
}

export async function listOpenSlots(db: PrismaClient, availability: Availability, now = new Date()): Promise<Slot[]> {
  return generateSlots({ availability, now, booked: await listBookedRanges(db, availability, now) });
}
