import { assertStaff, type Staff } from "../auth/verify-staff";
import type { PrismaClient } from "../db/generated/client";
import { isUuid } from "../db/is-uuid";

const PAGE = 100;

/** The audit log, newest first, a hundred at a time (before the given event id): for admins only. */
export async function listAuditEvents(db: PrismaClient, staff: Staff, before?: string) {
  assertStaff(staff, "ADMIN");
  const cursor = isUuid(before) ? before : undefined;
  const rows = await db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: { actor: { select: { name: true, email: true } }, lead: { select: { id: true, reference: true } } },
  });
  return { rows: rows.slice(0, PAGE), older: rows.length > PAGE ? rows[PAGE - 1]!.id : undefined };
}
