import { getConfig } from "../lib/config";
import { configuredDatabase } from "../lib/db/database";
import { openDatabase } from "../lib/db/open-database";
import { startWorker } from "../lib/worker/start-worker";
import { stopOnSignals } from "../lib/worker/stop-on-signals";

// npm run worker: the outbox worker on its own, for deployments that run it apart from the app
// servers (set WORKER_IN_APP=false on those). Stops cleanly on SIGTERM: sends in flight finish,
// claimed rows not yet tried are handed back.
const config = getConfig();
if (!config.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the one app process that opened it, whose own worker sends its emails.");
  process.exit(2);
}
const database = openDatabase(configuredDatabase(config));
const worker = await startWorker(config, database);
console.info("[worker] running; Ctrl-C or SIGTERM stops it");
stopOnSignals(async () => {
  await worker.stop();
  await database.close();
  console.info("[worker] stopped");
}, { exit: true });
