// Runs once when a server process starts: opens and migrates the database before the first
// request instead of during it. A failure is logged, not fatal, so /api/health can report it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./lib/db/database");
  await getDatabase().catch((error: Error) => console.error(`[db] not ready at start-up: ${error.message}`));
}
