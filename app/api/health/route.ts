import { checkDatabase } from "@/lib/db/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const headers = { "cache-control": "no-store" };
  if (database.ok) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", reason: database.reason }, { status: 503, headers });
}
