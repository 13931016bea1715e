import type { LeadStatus } from "@/lib/db/generated/enums";

const tones: Record<LeadStatus, string> = {
  NEW: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  CONTACTED: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  QUALIFIED: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  WON: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  LOST: "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100",
  SPAM: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{status.toLowerCase()}</span>;
}
