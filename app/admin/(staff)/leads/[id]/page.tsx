import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LeadStatusBadge } from "@/components/admin/lead-status-badge";
import { LocalTime } from "@/components/admin/local-time";
import { staffForPage } from "@/lib/auth/current-staff";
import { companySizeLabels, topicLabels } from "@/lib/booking/booking-choices";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { getLead, listOwners } from "@/lib/leads/get-lead";
import { leadStatuses } from "@/lib/leads/lead-list-query";
import { leadTimeline } from "@/lib/leads/lead-timeline";
import { addNoteAction, changeLeadAction, eraseLeadAction, retryEmailAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lead" };

const notices: Record<string, { tone: "ok" | "problem"; text: string }> = {
  changed: { tone: "ok", text: "Saved." },
  "note-added": { tone: "ok", text: "Note added." },
  "retry-queued": { tone: "ok", text: "The email will be sent again in a moment." },
  unchanged: { tone: "ok", text: "Nothing to change." },
  conflict: { tone: "problem", text: "Someone else changed this lead while you had it open; here it is as it is now. Make your change again if it still applies." },
  "invalid-owner": { tone: "problem", text: "That person cannot own leads (their account is disabled)." },
  "empty-note": { tone: "problem", text: "Write something in the note first." },
  erased: { tone: "ok", text: "This lead's personal data has been erased; an anonymous record of it remains." },
};

const buttonClass = "rounded-md bg-emerald-700 px-3 py-1.5 font-semibold text-white dark:bg-emerald-400 dark:text-slate-950";
const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-1.5 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="sm:col-span-2 whitespace-pre-wrap break-words">{children ?? "—"}</dd>
    </div>
  );
}

export default async function LeadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; step?: string }> }) {
  const [{ id }, { notice, step }] = await Promise.all([params, searchParams]);
  const staff = await staffForPage(`/admin/leads/${id}`);
  const db = await getPrisma();
  const [lead, owners] = await Promise.all([getLead(db, staff, id), listOwners(db, staff)]);
  if (!lead) notFound();
  const { FIRM_TIME_ZONE } = getConfig();
  const shown = notice ? notices[notice] : undefined;
  const when = (date: Date) => <LocalTime iso={date.toISOString()} fallbackZone={FIRM_TIME_ZONE} />;

  return (
    <>
      <p>
        <Link href="/admin/leads" className="underline">← All leads</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold break-words">{lead.fullName}</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {lead.company} · {lead.reference} · <LeadStatusBadge status={lead.status} />
      </p>
      {shown ? (
        <p role={shown.tone === "problem" ? "alert" : "status"} className={`mt-4 rounded-md border-2 p-3 ${shown.tone === "problem" ? "border-red-700 dark:border-red-400" : "border-emerald-700 dark:border-emerald-400"}`}>
          {shown.text}
        </p>
      ) : null}

      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <section className="lg:col-span-2" aria-labelledby="details">
          <h2 id="details" className="text-xl font-semibold">What they told us</h2>
          <dl className="mt-2">
            <Field label="Email"><a className="underline" href={`mailto:${lead.email}`}>{lead.email}</a></Field>
            <Field label="Phone">{lead.phone}</Field>
            <Field label="Role">{lead.jobRole}</Field>
            <Field label="Company size">{companySizeLabels[lead.companySize]}</Field>
            <Field label="Topic">{topicLabels[lead.topic]}</Field>
            <Field label="Message">{lead.message}</Field>
            <Field label="Their time zone">{lead.timeZone}</Field>
            <Field label="Received">{when(lead.createdAt)}</Field>
          </dl>
          <h2 className="mt-8 text-xl font-semibold">Where they came from</h2>
          <dl className="mt-2">
            <Field label="Source / medium">{[lead.utmSource, lead.utmMedium].filter(Boolean).join(" / ") || null}</Field>
            <Field label="Campaign">{lead.utmCampaign}</Field>
            <Field label="Term / content">{[lead.utmTerm, lead.utmContent].filter(Boolean).join(" / ") || null}</Field>
            <Field label="Google click ID">{lead.gclid}</Field>
            <Field label="Landing page">{lead.landingPage}</Field>
            <Field label="Referrer">{lead.referrer}</Field>
          </dl>
          <h2 className="mt-8 text-xl font-semibold">The call</h2>
          <dl className="mt-2">
            <Field label="When">{lead.booking ? when(lead.booking.startsAt) : null}</Field>
            <Field label="Booking">{lead.booking ? lead.booking.status.toLowerCase() : null}</Field>
          </dl>
          <h2 className="mt-8 text-xl font-semibold">Emails</h2>
          <ul className="mt-2 space-y-2">
            {lead.outbox.map((email) => (
              <li key={email.id} className="rounded border border-slate-300 p-2 text-sm dark:border-slate-700">
                <span className="font-medium">{email.kind.toLowerCase().replaceAll("_", " ")}</span> to {email.recipient}:{" "}
                {(email.deliveryStatus ?? email.status).toLowerCase().replace("_", " ")}
                {email.attempts > 1 ? `, ${email.attempts} attempts` : ""}
                {email.status === "FAILED" ? (
                  <form action={retryEmailAction} className="mt-2 flex items-center gap-3">
                    <input type="hidden" name="leadId" value={lead.id} />
                    <input type="hidden" name="outboxId" value={email.id} />
                    <span className="text-red-800 dark:text-red-300">{email.lastError}</span>
                    <button type="submit" className={buttonClass}>Send again</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <aside className="space-y-6" aria-label="Work this lead">
          <form action={changeLeadAction} className="space-y-2">
            <input type="hidden" name="leadId" value={lead.id} />
            <input type="hidden" name="version" value={lead.version} />
            <label htmlFor="status" className="font-semibold">Status</label>
            <select id="status" name="status" defaultValue={lead.status} className={fieldClass}>
              {leadStatuses.map((status) => <option key={status} value={status}>{status.toLowerCase()}</option>)}
            </select>
            <button type="submit" className={buttonClass}>Save status</button>
          </form>
          <form action={changeLeadAction} className="space-y-2">
            <input type="hidden" name="leadId" value={lead.id} />
            <input type="hidden" name="version" value={lead.version} />
            <label htmlFor="ownerId" className="font-semibold">Owner</label>
            <select id="ownerId" name="ownerId" defaultValue={lead.ownerId ?? ""} className={fieldClass}>
              <option value="">Nobody yet</option>
              {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name}{owner.id === staff.id ? " (me)" : ""}</option>)}
            </select>
            <button type="submit" className={buttonClass}>Save owner</button>
          </form>
          {staff.role === "ADMIN" && !lead.erasedAt ? (
            <div className="rounded-md border border-red-700 p-3 dark:border-red-400">
              <h2 className="font-semibold">Erase on request</h2>
              {step === "erase" ? (
                <form action={eraseLeadAction} className="mt-2 space-y-2">
                  <input type="hidden" name="leadId" value={lead.id} />
                  <p>This removes their name, contact details, message, attribution, notes and emails for good.</p>
                  <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white dark:bg-red-400 dark:text-slate-950">Yes, erase their data</button>{" "}
                  <Link href={`/admin/leads/${lead.id}`} className="underline">Keep it</Link>
                </form>
              ) : (
                <p className="mt-2"><Link href={`/admin/leads/${lead.id}?step=erase`} className="underline">Erase this lead&apos;s personal data…</Link></p>
              )}
            </div>
          ) : null}
          <form action={addNoteAction} className="space-y-2">
            <input type="hidden" name="leadId" value={lead.id} />
            <label htmlFor="note" className="font-semibold">Add a note</label>
            <textarea id="note" name="body" rows={4} maxLength={10_000} className={fieldClass} />
            <button type="submit" className={buttonClass}>Add note</button>
          </form>
        </aside>
      </div>

      <section className="mt-10" aria-labelledby="timeline">
        <h2 id="timeline" className="text-xl font-semibold">Timeline</h2>
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4 dark:border-slate-700">
          {leadTimeline(lead).map((entry, index) => (
            <li key={index}>
              <div className="text-sm text-slate-600 dark:text-slate-400">{when(entry.at)}{entry.who ? ` · ${entry.who}` : ""}</div>
              <div className="font-medium">{entry.what}</div>
              {entry.body ? <p className="mt-1 whitespace-pre-wrap break-words">{entry.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
