import type { Metadata } from "next";
import Link from "next/link";
import { LeadList } from "@/components/admin/lead-list";
import { staffForPage } from "@/lib/auth/current-staff";
import { topicLabels } from "@/lib/booking/booking-choices";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { listOwners } from "@/lib/leads/get-lead";
import { leadListQuerySchema, leadListSearch, leadStatuses } from "@/lib/leads/lead-list-query";
import { listLeads } from "@/lib/leads/list-leads";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leads" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";

export default async function LeadsPage({ searchParams }: Props) {
  const query = leadListQuerySchema.parse(await searchParams);
  const staff = await staffForPage(`/admin/leads${leadListSearch(query)}`);
  const { FIRM_TIME_ZONE } = getConfig();
  const db = await getPrisma();
  const [page, owners] = await Promise.all([listLeads(db, staff, query, FIRM_TIME_ZONE), listOwners(db, staff)]);
  const filters = { ...query, after: undefined, before: undefined };

  return (
    <>
      <h1 className="text-3xl font-bold">Leads</h1>
      <form method="get" className="mt-6 grid grid-cols-2 gap-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-4 dark:border-slate-700" role="search">
        <div className="col-span-2">
          <label htmlFor="q" className="text-sm font-medium">Search name, email, company, message</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className={selectClass} />
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">Any</option>
            {leadStatuses.map((status) => (
              <option key={status} value={status}>{status.toLowerCase()}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="topic" className="text-sm font-medium">Topic</label>
          <select id="topic" name="topic" defaultValue={query.topic ?? ""} className={selectClass}>
            <option value="">Any</option>
            {Object.entries(topicLabels).map(([topic, label]) => (
              <option key={topic} value={topic}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="owner" className="text-sm font-medium">Owner</label>
          <select id="owner" name="owner" defaultValue={query.owner ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            <option value="mine">Mine</option>
            <option value="none">Nobody yet</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>{owner.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="text-sm font-medium">Sort</label>
          <select id="sort" name="sort" defaultValue={query.sort ?? "newest"} className={selectClass}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="call">Call time, soonest first</option>
          </select>
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium">Received from</label>
          <input id="from" name="from" type="date" defaultValue={query.from} className={selectClass} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium">to</label>
          <input id="to" name="to" type="date" defaultValue={query.to} className={selectClass} />
        </div>
        <div className="col-span-2 flex flex-wrap items-end gap-3 sm:col-span-4">
          <button type="submit" className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white dark:bg-emerald-400 dark:text-slate-950">
            Show leads
          </button>
          <Link href="/admin/leads" className="underline">Clear</Link>
          <a href={`/admin/leads/export${leadListSearch(filters)}`} className="ml-auto underline" download>
            Export this view as CSV
          </a>
        </div>
      </form>

      <LeadList
        rows={page.rows}
        caption={`Leads, ${query.sort === "oldest" ? "oldest" : query.sort === "call" ? "by call time" : "newest"} first`}
        fallbackZone={FIRM_TIME_ZONE}
      />
      {page.rows.length === 0 ? <p className="mt-6">No leads match.</p> : null}
      <nav aria-label="Pages" className="mt-6 flex gap-6">
        {page.newer ? <Link href={`/admin/leads${leadListSearch(filters, { before: page.newer })}`} className="underline" rel="prev">← Previous 50</Link> : null}
        {page.older ? <Link href={`/admin/leads${leadListSearch(filters, { after: page.older })}`} className="underline" rel="next">Next 50 →</Link> : null}
      </nav>
    </>
  );
}
