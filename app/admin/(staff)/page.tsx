import type { Metadata } from "next";
import Link from "next/link";
import { WeeklyLeadsChart } from "@/components/admin/weekly-leads-chart";
import { staffForPage } from "@/lib/auth/current-staff";
import { topicLabels } from "@/lib/booking/booking-choices";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { leadStatuses } from "@/lib/leads/lead-list-query";
import { leadOverview } from "@/lib/leads/lead-overview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

function Ranking({ title, rows }: { title: string; rows: Array<{ label: string; leads: number }> }) {
  const most = Math.max(1, ...rows.map((row) => row.leads));
  return (
    <section aria-labelledby={title}>
      <h2 id={title} className="text-xl font-semibold">{title}</h2>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">{title}, last twelve weeks</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="w-1/2 py-1 pr-3 text-left font-normal">{row.label}</th>
              <td className="py-1">
                <svg className="mr-2 inline-block h-3 w-[70%] align-middle" aria-hidden="true">
                  <rect width={`${Math.round((row.leads / most) * 100)}%`} height="100%" rx="2" className="fill-emerald-600 dark:fill-emerald-400" />
                </svg>
                {row.leads}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="mt-2 text-sm">None yet.</p> : null}
    </section>
  );
}

export default async function AdminHome() {
  const staff = await staffForPage("/admin");
  const overview = await leadOverview(await getPrisma(), staff);
  const { FIRM_TIME_ZONE } = getConfig();
  return (
    <>
      <h1 className="text-3xl font-bold">Overview</h1>
      <p className="mt-4 text-lg">
        <Link href="/admin/leads?status=NEW" className="font-semibold underline">
          {overview.newThisWeek} new lead{overview.newThisWeek === 1 ? "" : "s"}
        </Link>{" "}
        in the last seven days.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Leads by status</h2>
      <ul className="mt-3 grid max-w-xl grid-cols-2 gap-3 sm:grid-cols-3">
        {leadStatuses.map((status) => (
          <li key={status}>
            <Link href={`/admin/leads?status=${status}`} className="block rounded-lg border border-slate-300 p-3 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
              <span className="block text-2xl font-bold">{overview.counts[status] ?? 0}</span>
              <span className="text-sm">{status.toLowerCase()}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="mt-10 text-xl font-semibold">Leads per week</h2>
      <div className="mt-3"><WeeklyLeadsChart weeks={overview.weeks} timeZone={FIRM_TIME_ZONE} /></div>
      <div className="mt-10 grid gap-10 md:grid-cols-2">
        <Ranking title="Top sources" rows={overview.topSources.map((row) => ({ label: row.source, leads: row.leads }))} />
        <Ranking title="Top topics" rows={overview.topTopics.map((row) => ({ label: topicLabels[row.topic], leads: row.leads }))} />
      </div>
    </>
  );
}
