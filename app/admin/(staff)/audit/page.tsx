import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/admin/local-time";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { staffForPage } from "@/lib/auth/current-staff";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const staff = await staffForPage("/admin/audit", "ADMIN");
  const { before } = await searchParams;
  const { rows, older } = await listAuditEvents(await getPrisma(), staff, before);
  const { FIRM_TIME_ZONE } = getConfig();
  return (
    <>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Every change, newest first</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {["When", "Who", "What", "Lead", "Detail", "From"].map((heading) => <th key={heading} scope="col" className="px-2 py-2">{heading}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((event) => (
            <tr key={event.id} className="border-b border-slate-200 align-top dark:border-slate-800">
              <td className="px-2 py-2 whitespace-nowrap"><LocalTime iso={event.createdAt.toISOString()} fallbackZone={FIRM_TIME_ZONE} compact /></td>
              <td className="px-2 py-2">{event.actor?.name ?? (event.action.includes("prospect") ? "the prospect" : "—")}</td>
              <td className="px-2 py-2 font-mono">{event.action}</td>
              <td className="px-2 py-2">{event.lead ? <Link className="underline" href={`/admin/leads/${event.lead.id}`}>{event.lead.reference}</Link> : "—"}</td>
              <td className="px-2 py-2 break-all font-mono text-xs">{event.detail ? JSON.stringify(event.detail) : ""}</td>
              <td className="px-2 py-2 font-mono text-xs">{event.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {older ? <p className="mt-6"><Link className="underline" href={`/admin/audit?before=${older}`} rel="next">Older →</Link></p> : null}
    </>
  );
}
