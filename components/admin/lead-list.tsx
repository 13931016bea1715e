import Link from "next/link";
import { LeadStatusBadge } from "@/components/admin/lead-status-badge";
import { LocalTime } from "@/components/admin/local-time";
import { topicLabels } from "@/lib/booking/booking-choices";
import type { LeadListRow } from "@/lib/leads/list-leads";

type Props = { rows: LeadListRow[]; caption: string; fallbackZone: string };

// On a phone each row is a card: the cells stacked, each after its column's name (data-label, drawn
// with no text for screen readers, which have the column's header), the lead's name first. The
// roles are said outright because a table drawn with display: block or flex is no longer a table to
// some screen readers (Safari's, notably).
const cell =
  "px-2 py-2 max-sm:flex max-sm:gap-2 max-sm:p-0 max-sm:before:w-20 max-sm:before:shrink-0 max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)_/_''] dark:max-sm:before:text-slate-400";
const headings = ["Received", "Name", "Company", "Topic", "Call", "Status", "Owner", "Email"] as const;

/** One page of the leads list: a table on a laptop, a card a lead on a phone. */
export function LeadList({ rows, caption, fallbackZone }: Props) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table role="table" className="w-full border-collapse text-left text-sm max-sm:block sm:min-w-[56rem]">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="max-sm:sr-only">
          <tr role="row" className="border-b border-slate-400">
            {headings.map((heading) => (
              <th key={heading} role="columnheader" scope="col" className="px-2 py-2 font-semibold">{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:block max-sm:border-t max-sm:border-slate-200 dark:max-sm:border-slate-800">
          {rows.map((lead) => {
            const email = lead.outbox[0];
            return (
              <tr key={lead.id} role="row" className="border-b border-slate-200 max-sm:flex max-sm:flex-col max-sm:gap-1 max-sm:py-3 dark:border-slate-800">
                <td role="cell" data-label="Received" className={`${cell} whitespace-nowrap max-sm:order-last`}>
                  <LocalTime iso={lead.createdAt.toISOString()} fallbackZone={fallbackZone} compact />
                </td>
                {/* What the prospect typed can be one long word (an email, a URL): past a sensible width it wraps rather than widening the table. */}
                <td role="cell" className="px-2 py-2 wrap-anywhere max-sm:order-first max-sm:p-0 max-sm:text-base sm:min-w-52">
                  <Link href={`/admin/leads/${lead.id}`} className="font-semibold underline">{lead.fullName}</Link>
                  <div className="text-sm text-slate-600 dark:text-slate-400">{lead.email}</div>
                </td>
                <td role="cell" data-label="Company" className={`${cell} wrap-anywhere sm:min-w-32`}>{lead.company}</td>
                <td role="cell" data-label="Topic" className={cell}>{topicLabels[lead.topic]}</td>
                <td role="cell" data-label="Call" className={`${cell} whitespace-nowrap`}>
                  {lead.booking ? (
                    <span className={lead.booking.status === "CANCELLED" ? "line-through" : undefined}>
                      <LocalTime iso={lead.booking.startsAt.toISOString()} fallbackZone={fallbackZone} compact />
                    </span>
                  ) : "—"}
                </td>
                <td role="cell" data-label="Status" className={cell}><LeadStatusBadge status={lead.status} /></td>
                <td role="cell" data-label="Owner" className={cell}>{lead.owner?.name ?? "—"}</td>
                <td role="cell" data-label="Email" className={cell}>{email ? (email.deliveryStatus ?? email.status).toLowerCase().replace("_", " ") : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
