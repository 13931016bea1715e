import { checkDatabase } from "@/lib/db/check-database";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const headers = { "cache-control": "no-store" };
  if (database.ok) return Response.json({ status: "ok" }, { headers });
  return Response.json(
    { status: "unavailable", reason: database.reason },
    { status: 503, headers: { ...headers, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}
