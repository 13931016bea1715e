import type { Availability } from "../booking/availability";
import type { PrismaClient } from "../db/generated/client";
import { consultantAvailability } from "./consultant-hours";

/** Who takes calls: each consultant, or, with none set up, the firm itself (consultantId null). */
export type TeamMember = { consultantId: string | null; name: string; availability: Availability };

export async function listTeam(db: PrismaClient, firm: Availability): Promise<TeamMember[]> {
  const consultants = await db.user.findMany({
    where: { takesCalls: true, disabledAt: null },
    select: { id: true, name: true, timeZone: true, workingDays: true, dayStart: true, dayEnd: true },
    orderBy: { createdAt: "asc" },
  });
  if (consultants.length === 0) return [{ consultantId: null, name: "", availability: firm }];
  return consultants.map(({ id, name, ...hours }) => ({ consultantId: id, name, availability: consultantAvailability(firm, hours) }));
}
