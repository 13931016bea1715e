import { staffForAction } from "@/lib/auth/current-staff";
import { getPrisma } from "@/lib/db/database";
import { readMailboxMessage } from "@/lib/email/read-mailbox";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const staff = await staffForAction();
  const { id, index } = await params;
  const attachment = (await readMailboxMessage(await getPrisma(), staff, id))?.attachments[Number(index)];
  if (!attachment) return new Response("No such attachment.", { status: 404 });
  return new Response(Buffer.from(attachment.content, "base64"), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
