import { TZDate } from "@date-fns/tz";
import { assertStaff, type Staff } from "../auth/verify-staff";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { decodeLeadCursor, encodeLeadCursor, type LeadCursor } from "./lead-cursor";
import { PAGE_SIZE, type LeadListQuery } from "./lead-list-query";

const listSelect = {
  id: true,
  reference: true,
  createdAt: true,
  fullName: true,
  email: true,
  company: true,
  topic: true,
  status: true,
  owner: { select: { id: true, name: true } },
  booking: { select: { startsAt: true, status: true } },
  outbox: { where: { kind: "BOOKING_CONFIRMATION" }, select: { status: true, deliveryStatus: true }, take: 1 },
} satisfies Prisma.LeadSelect;

export type LeadListRow = Prisma.LeadGetPayload<{ select: typeof listSelect }>;
export type LeadListPage = { rows: LeadListRow[]; newer?: string; older?: string };

/** The start of a calendar day in `timeZone`, or of the day after it. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(TZDate.tz(timeZone, year, month - 1, date + plusDays).getTime());
}

function filters(query: LeadListQuery, staff: Staff, timeZone: string): Prisma.LeadWhereInput[] {
  const where: Prisma.LeadWhereInput[] = [];
  if (query.q) {
    // ILIKE's own wildcards in what was typed match only themselves.
    const contains = { contains: query.q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
    where.push({ OR: [{ fullName: contains }, { email: contains }, { company: contains }, { message: contains }] });
  }
  if (query.status) where.push({ status: query.status });
  if (query.topic) where.push({ topic: query.topic });
  if (query.owner === "mine") where.push({ ownerId: staff.id });
  else if (query.owner === "none") where.push({ ownerId: null });
  else if (query.owner) where.push({ ownerId: query.owner });
  if (query.from) where.push({ createdAt: { gte: dayStart(query.from, timeZone) } });
  if (query.to) where.push({ createdAt: { lt: dayStart(query.to, timeZone, 1) } });
  return where;
}

/** Rows past `cursor` in the order (`descending` or not) of the sort key, ties broken by id. */
function beyond(cursor: LeadCursor, byCall: boolean, descending: boolean): Prisma.LeadWhereInput {
  const past = descending ? "lt" : "gt";
  if (byCall) {
    return { OR: [{ booking: { is: { startsAt: { [past]: cursor.at } } } }, { booking: { is: { startsAt: cursor.at } }, id: { [past]: cursor.id } }] };
  }
  // The outer bound lets the (createdAt, id) index start at the cursor rather than filter every row before it.
  return { createdAt: { [`${past}e`]: cursor.at }, OR: [{ createdAt: { [past]: cursor.at } }, { id: { [past]: cursor.id } }] };
}

const exportSelect = {
  id: true,
  reference: true,
  createdAt: true,
  status: true,
  fullName: true,
  email: true,
  company: true,
  jobRole: true,
  phone: true,
  companySize: true,
  topic: true,
  message: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  utmTerm: true,
  utmContent: true,
  gclid: true,
  landingPage: true,
  referrer: true,
  owner: { select: { name: true } },
  booking: { select: { startsAt: true, status: true } },
} satisfies Prisma.LeadSelect;
type ExportRow = Prisma.LeadGetPayload<{ select: typeof exportSelect }>;

const EXPORT_BATCH = 1_000;

type Walk = { cursor?: LeadCursor; backwards: boolean; take: number };

/** The rows after `walk.cursor` in the list's order (or before it, walking backwards). */
function findLeads<S extends Prisma.LeadSelect>(db: PrismaClient, staff: Staff, query: LeadListQuery, timeZone: string, walk: Walk, select: S) {
  const byCall = query.sort === "call";
  const descending = (query.sort === undefined || query.sort === "newest") !== walk.backwards;
  const direction = descending ? ("desc" as const) : ("asc" as const);
  const where: Prisma.LeadWhereInput = { AND: [...filters(query, staff, timeZone), ...(walk.cursor ? [beyond(walk.cursor, byCall, descending)] : [])] };
  const orderBy: Prisma.LeadOrderByWithRelationInput[] = byCall ? [{ booking: { startsAt: direction } }, { id: direction }] : [{ createdAt: direction }, { id: direction }];
  return db.lead.findMany({ where, orderBy, take: walk.take, select });
}

const sortKey = (query: LeadListQuery, row: { createdAt: Date; id: string; booking: { startsAt: Date } | null }): LeadCursor => ({
  at: query.sort === "call" ? (row.booking?.startsAt ?? row.createdAt) : row.createdAt,
  id: row.id,
});

/**
 * A page of the leads list for signed-in staff: filtered, searched (substring, through trigram
 * indexes), sorted, 50 at a time by keyset (so page 2,000 costs what page 1 does).
 */
export async function listLeads(db: PrismaClient, staff: Staff, query: LeadListQuery, timeZone: string): Promise<LeadListPage> {
  assertStaff(staff);
  const before = decodeLeadCursor(query.before);
  const after = before ? undefined : decodeLeadCursor(query.after);
  // Going back a page walks the other way from its cursor, then turns the rows round.
  const found = await findLeads(db, staff, query, timeZone, { cursor: before ?? after, backwards: Boolean(before), take: PAGE_SIZE + 1 }, listSelect);
  const more = found.length > PAGE_SIZE;
  const rows = found.slice(0, PAGE_SIZE);
  if (before) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    newer: first && (before ? more : Boolean(after)) ? encodeLeadCursor(sortKey(query, first)) : undefined,
    older: last && (before || more) ? encodeLeadCursor(sortKey(query, last)) : undefined,
  };
}

/** Every lead in the view, a thousand at a time, for the CSV export. */
export async function* listLeadsForExport(db: PrismaClient, staff: Staff, query: LeadListQuery, timeZone: string): AsyncGenerator<ExportRow[]> {
  assertStaff(staff);
  let cursor: LeadCursor | undefined;
  for (;;) {
    const rows = await findLeads(db, staff, query, timeZone, { cursor, backwards: false, take: EXPORT_BATCH }, exportSelect);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH) return;
    cursor = sortKey(query, rows.at(-1)!);
  }
}
