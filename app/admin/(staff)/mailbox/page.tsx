import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/admin/local-time";
import { staffForPage } from "@/lib/auth/current-staff";
import { emailDelivery, getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { listMailbox } from "@/lib/email/read-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  const staff = await staffForPage("/admin/mailbox");
  const config = getConfig();
  const messages = await listMailbox(await getPrisma(), staff);
  return (
    <>
      <h1 className="text-3xl font-bold">Dev mailbox</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {emailDelivery(config) === "mailbox"
          ? "Emails are not being sent: each one is kept here instead, exactly as it would have gone out."
          : "Emails are being sent through Resend; this holds only what was kept before that."}
      </p>
      <ul className="mt-6 divide-y divide-slate-200 dark:divide-slate-800">
        {messages.map((message) => (
          <li key={message.id} className="py-3">
            <Link href={`/admin/mailbox/${message.id}`} className="font-semibold underline">{message.subject}</Link>
            <div className="text-sm text-slate-600 dark:text-slate-400">
              to {message.to.join(", ")} · <LocalTime iso={message.createdAt.toISOString()} fallbackZone={config.FIRM_TIME_ZONE} />
            </div>
          </li>
        ))}
      </ul>
      {messages.length === 0 ? <p className="mt-6">Nothing here yet.</p> : null}
    </>
  );
}
