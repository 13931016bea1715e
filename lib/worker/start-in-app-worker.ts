import type { AppConfig } from "../config";
import type { Database } from "../db/open-database";
import { startWorker } from "./start-worker";
import { stopOnSignals } from "./stop-on-signals";
import { loggerFor } from "../log/logger";

const RETRY_SECONDS = 10;
const log = loggerFor("worker");
const processWide = globalThis as { inAppWorkerStarted?: boolean };

/**
 * Starts this server's outbox worker once per process. If the database was not ready at start-up,
 * keeps trying, so the emails owed go out as soon as it is.
 */
export function startWorkerWhenReady(config: AppConfig, database: Database | undefined, openDatabase: () => Promise<Database>): void {
  if (processWide.inAppWorkerStarted) return;
  processWide.inAppWorkerStarted = true;
  const attempt = async (ready: Database | undefined) => {
    try {
      const db = ready ?? (await openDatabase());
      const worker = await startWorker(config, db);
      // Only when we exit ourselves: otherwise Next still has requests to finish on this database.
      const exit = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
      stopOnSignals(async () => {
        await worker.stop();
        if (exit) await db.close();
      }, { exit });
    } catch (error) {
      log.error({ err: error }, `not started, trying again in ${RETRY_SECONDS} s`);
      setTimeout(() => void attempt(undefined), RETRY_SECONDS * 1000).unref();
    }
  };
  void attempt(database);
}
