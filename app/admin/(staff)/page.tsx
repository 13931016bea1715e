import type { Metadata } from "next";
import Link from "next/link";
import { staffForPage } from "@/lib/auth/current-staff";
import { getPrisma } from "@/lib/db/database";
import { leadStatuses } from "@/lib/leads/lead-list-query";
import { leadOverview } from "@/lib/leads/lead-overview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function AdminHome() {
  const staff = await staffForPage("/admin");
  const { newThisWeek, counts } = await leadOverview(await getPrisma(), staff);
  return (
    <>
      <h1 className="text-3xl font-bold">Overview</h1>
      <p className="mt-4 text-lg">
        <Link href="/admin/leads?status=NEW" className="font-semibold underline">
          {newThisWeek} new lead{newThisWeek === 1 ? "" : "s"}
        </Link>{" "}
        in the last seven days.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Leads by status</h2>
      <ul className="mt-3 grid max-w-xl grid-cols-2 gap-3 sm:grid-cols-3">
        {leadStatuses.map((status) => (
          <li key={status}>
            <Link href={`/admin/leads?status=${status}`} className="block rounded-lg border border-slate-300 p-3 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
              <span className="block text-2xl font-bold">{counts[status] ?? 0}</span>
              <span className="text-sm">{status.toLowerCase()}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
