import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestIp, staffForAction } from "@/lib/auth/current-staff";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { exportLeadsCsv } from "@/lib/leads/export-leads";
import { leadListQuerySchema } from "@/lib/leads/lead-list-query";

export const dynamic = "force-dynamic";

/** The leads list's current view as CSV: /admin/leads/export?<the list's own parameters>. */
export async function GET(request: Request) {
  const staff = await staffForAction();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = { ...leadListQuerySchema.parse(params), after: undefined, before: undefined };
  const db = await getPrisma();
  await recordAuditEvent(db, { actorId: staff.id, action: "leads.export", detail: { filters: params }, ip: await requestIp() });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportLeadsCsv(db, staff, query, getConfig().FIRM_TIME_ZONE), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
