import { getAppSecret } from "@/lib/auth/app-secret";
import { emailDelivery, getConfig, isProduction } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { isMailboxReadKey, latestMailboxMessages } from "@/lib/email/latest-mailbox-messages";

export const dynamic = "force-dynamic";

const MAX_LIMIT = 100;

/** For `npm run mailbox` only; staff read the mailbox in the admin. Not there at all in production. */
export async function GET(request: Request) {
  const config = getConfig();
  const notFound = new Response("Not found", { status: 404 });
  if (isProduction(config) || emailDelivery(config) !== "mailbox") return notFound;
  const key = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!isMailboxReadKey(getAppSecret(config), key)) return notFound;
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(new URL(request.url).searchParams.get("limit")) || 10));
  return Response.json(await latestMailboxMessages(await getPrisma(), limit), { headers: { "cache-control": "no-store" } });
}
