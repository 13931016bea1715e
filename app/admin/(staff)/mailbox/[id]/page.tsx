import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { staffForPage } from "@/lib/auth/current-staff";
import { getPrisma } from "@/lib/db/database";
import { readMailboxMessage } from "@/lib/email/read-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mailbox message" };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await staffForPage(`/admin/mailbox/${id}`);
  const message = await readMailboxMessage(await getPrisma(), staff, id);
  if (!message) notFound();
  return (
    <>
      <p><Link href="/admin/mailbox" className="underline">← Mailbox</Link></p>
      <h1 className="mt-4 text-2xl font-bold break-words">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">From</dt><dd>{message.from}</dd>
        <dt className="font-medium">To</dt><dd>{message.to.join(", ")}</dd>
        <dt className="font-medium">Reply-To</dt><dd>{message.replyTo ?? "—"}</dd>
        <dt className="font-medium">Attached</dt>
        <dd>
          {message.attachments.length === 0 ? "—" : message.attachments.map((attachment, index) => (
            <a key={index} href={`/admin/mailbox/${message.id}/attachments/${index}`} className="mr-3 underline" download={attachment.filename}>{attachment.filename}</a>
          ))}
        </dd>
      </dl>
      {/* The email as its recipient sees it, in a sandbox that runs no script and reaches nothing of the admin. */}
      <iframe title={`The email: ${message.subject}`} srcDoc={message.html} sandbox="" className="mt-6 h-[36rem] w-full max-w-2xl rounded border border-slate-300 bg-white dark:border-slate-700" />
      <details className="mt-6">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{message.text}</pre>
      </details>
    </>
  );
}
