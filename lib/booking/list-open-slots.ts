import { addDays } from "date-fns";
import type { PrismaClient } from "../db/generated/client";
import type { Availability } from "./availability";
import type { Slot } from "./generate-slots";
import { loadTeamSchedule, openTeamSlots } from "./team-schedule";

/** The times /book offers: those at least one consultant (or the firm, with none) is free for. */
export async function listOpenSlots(db: PrismaClient, firm: Availability, now = new Date()): Promise<Slot[]> {
  const schedule = await loadTeamSchedule(db, firm, { from: now, to: addDays(now, firm.horizonDays + 1) });
  return openTeamSlots(schedule, now);
}
