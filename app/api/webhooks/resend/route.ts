import { Resend } from "resend";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { recordDeliveryEvent } from "@/lib/email/record-delivery-event";
import { readBodyText } from "@/lib/http/read-body-text";

export const dynamic = "force-dynamic";

// Resend's events are a few hundred bytes; anything near this is not one.
const MAX_BODY_BYTES = 64 * 1024;

const answer = (status: number, error?: string) => Response.json(error ? { error } : { ok: true }, { status, headers: { "cache-control": "no-store" } });

/** Resend's delivery events (sent, delivered, delayed, bounced, complained), signed with RESEND_WEBHOOK_SECRET. */
export async function POST(request: Request) {
  const config = getConfig();
  if (!config.RESEND_WEBHOOK_SECRET) return answer(404, "webhooks are not configured: set RESEND_WEBHOOK_SECRET");
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === "too-large") return answer(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);

  const id = request.headers.get("svix-id");
  const timestamp = request.headers.get("svix-timestamp");
  const signature = request.headers.get("svix-signature");
  if (!id || !timestamp || !signature) return answer(401, "missing signature headers");
  let payload: unknown;
  try {
    // The key is not used to verify; the SDK only wants one to exist.
    payload = new Resend(config.RESEND_API_KEY ?? "re_verify_only").webhooks.verify({
      payload: body,
      headers: { id, timestamp, signature },
      webhookSecret: config.RESEND_WEBHOOK_SECRET,
    });
  } catch {
    return answer(401, "invalid or stale signature");
  }
  await recordDeliveryEvent(await getPrisma(), id, payload);
  return answer(200);
}
