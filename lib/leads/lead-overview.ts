import { assertStaff, type Staff } from "../auth/verify-staff";
import type { LeadStatus, PrismaClient } from "../db/generated/client";
import type { Topic } from "../db/generated/enums";

const WEEK = 7 * 24 * 3_600_000;
export const OVERVIEW_WEEKS = 12;
const TOP = 5;

export type WeekCount = { weekStart: Date; leads: number };

/**
 * The admin's front page in numbers: new leads in the last seven days, how many sit at each
 * status, leads per week over the last twelve weeks (spam left out), and where they come from.
 */
export async function leadOverview(db: PrismaClient, staff: Staff, now = new Date()) {
  assertStaff(staff);
  const weekAgo = new Date(now.getTime() - WEEK);
  const since = new Date(now.getTime() - OVERVIEW_WEEKS * WEEK);
  const [newThisWeek, byStatus, perWeek, sources, topics] = await Promise.all([
    db.lead.count({ where: { createdAt: { gte: weekAgo }, status: { not: "SPAM" } } }),
    db.lead.groupBy({ by: ["status"], _count: { _all: true } }),
    // Weeks counted back from now, so the last bar is the last seven days, however far into a calendar week.
    db.$queryRaw<Array<{ week: number; leads: number }>>`
      SELECT floor(extract(epoch FROM (${now}::timestamptz - "createdAt")) / ${WEEK / 1000})::int AS "week", count(*)::int AS "leads"
      FROM "Lead" WHERE "createdAt" > ${since} AND "createdAt" <= ${now} AND "status" <> 'SPAM' GROUP BY 1`,
    db.$queryRaw<Array<{ source: string | null; leads: number }>>`
      SELECT "utmSource" AS "source", count(*)::int AS "leads" FROM "Lead"
      WHERE "createdAt" > ${since} AND "status" <> 'SPAM' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    db.lead.groupBy({ by: ["topic"], where: { createdAt: { gte: since }, status: { not: "SPAM" } }, _count: { _all: true }, orderBy: { _count: { topic: "desc" } }, take: TOP }),
  ]);
  const counts = Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Partial<Record<LeadStatus, number>>;
  const weeks: WeekCount[] = Array.from({ length: OVERVIEW_WEEKS }, (_, index) => {
    const back = OVERVIEW_WEEKS - 1 - index;
    return { weekStart: new Date(now.getTime() - (back + 1) * WEEK), leads: perWeek.find((row) => row.week === back)?.leads ?? 0 };
  });
  return {
    newThisWeek,
    counts,
    weeks,
    topSources: sources.map((row) => ({ source: row.source ?? "direct or unknown", leads: row.leads })),
    topTopics: topics.map((row) => ({ topic: row.topic as Topic, leads: row._count._all })),
  };
}
