import { assertStaff, type Staff } from "../auth/verify-staff";
import type { LeadStatus, PrismaClient } from "../db/generated/client";

/** The admin's front page in numbers: new leads in the last seven days and how many sit at each status. */
export async function leadOverview(db: PrismaClient, staff: Staff, now = new Date()) {
  assertStaff(staff);
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const [newThisWeek, byStatus] = await Promise.all([
    db.lead.count({ where: { createdAt: { gte: weekAgo }, status: { not: "SPAM" } } }),
    db.lead.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Partial<Record<LeadStatus, number>>;
  return { newThisWeek, counts };
}
