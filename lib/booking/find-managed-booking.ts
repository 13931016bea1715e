import type { PrismaClient } from "../db/generated/client";
import { hashManageToken, isManageTokenShape } from "./manage-token";

export type ManagedBookingLookup = Awaited<ReturnType<typeof findManagedBooking>>;

/**
 * The booking a manage link opens, and whether it can still be changed: not once cancelled, and
 * not once the call has started. A malformed token is not looked up.
 */
export async function findManagedBooking(db: PrismaClient, token: string, now = new Date()) {
  if (!isManageTokenShape(token)) return { kind: "unknown" } as const;
  const booking = await db.booking.findUnique({
    where: { manageTokenHash: hashManageToken(token) },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      cancelledAt: true,
      lead: { select: { reference: true, fullName: true, email: true, company: true, timeZone: true } },
    },
  });
  if (!booking) return { kind: "unknown" } as const;
  if (booking.status !== "CONFIRMED") return { kind: "cancelled", booking } as const;
  if (booking.startsAt <= now) return { kind: "passed", booking } as const;
  return { kind: "open", booking } as const;
}
