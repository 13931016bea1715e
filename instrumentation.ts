// Runs once when a server process starts: opens and migrates the database before the first
// request instead of during it, and starts the outbox worker unless WORKER_IN_APP=false.
// A database failure is logged, not fatal, so /api/health can report it; but an embedded database
// another process holds will not come free by waiting, so the server stops there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./lib/db/database");
  const { getConfig } = await import("./lib/config");
  const config = getConfig();
  const { loggerFor } = await import("./lib/log/logger");
  const { exitIfDataDirLocked } = await import("./lib/db/data-dir-lock");
  const database = await getDatabase().catch((error: Error) => {
    loggerFor("db").error({ err: error }, "not ready at start-up");
    exitIfDataDirLocked(error);
  });
  if (database?.kind === "embedded") {
    const { createDemoAdminIfNone } = await import("./lib/auth/accounts");
    const demo = await createDemoAdminIfNone(database.prisma);
    // The embedded database only (a laptop), whose one reader is the person who ran npm start.
    if (demo) loggerFor("admin").warn(`no staff account yet: sign in at ${config.APP_URL}/admin as ${demo.email} with password ${demo.password} (shown once; npm run user:password changes it)`);
  }
  if (!config.WORKER_IN_APP) return;
  const { startWorkerWhenReady } = await import("./lib/worker/start-in-app-worker");
  startWorkerWhenReady(config, database ?? undefined, getDatabase);
}

/**
 * Any page or route that fails because the database cannot be reached answers 503 with Retry-After
 * (the outage is temporary: clients, crawlers and nginx should come back), not Next's 500. The
 * booking page and form say so in their own words (lib/db/or-database-unavailable.ts).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS }, { setResponseStatus }] = await Promise.all([import("./lib/db/database-unavailable"), import("./lib/http/request-context")]);
  if (isDatabaseUnavailable(error)) setResponseStatus(503, DATABASE_RETRY_AFTER_SECONDS);
}
