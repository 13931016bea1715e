import "./env-files-loaded.mjs";
import { getConfig } from "../lib/config";
import { configuredDatabase } from "../lib/db/database";
import { openDatabase } from "../lib/db/open-database";
import { serveMetrics } from "../lib/metrics/serve-metrics";
import { startWorker } from "../lib/worker/start-worker";
import { stopOnSignals } from "../lib/worker/stop-on-signals";
import { loggerFor } from "../lib/log/logger";
import { routeConsoleToLog } from "../lib/log/route-console";

// npm run worker: the outbox worker on its own, for deployments that run it apart from the app
// servers (set WORKER_IN_APP=false on those). Stops cleanly on SIGTERM: sends in flight finish,
// claimed rows not yet tried are handed back.
routeConsoleToLog();
const config = getConfig();
const log = loggerFor("worker");
if (!config.DATABASE_URL) {
  // For the person who ran it, before there is anything to log.
  process.stderr.write("npm run worker needs DATABASE_URL: the embedded database belongs to the one app process that opened it, whose own worker sends its emails.\n");
  process.exit(2);
}
const database = openDatabase(configuredDatabase(config));
// Before the worker: a port already taken stops the process before it claims anything.
const metrics = config.WORKER_METRICS_PORT === undefined
  ? undefined
  : await serveMetrics({ port: config.WORKER_METRICS_PORT, token: config.METRICS_TOKEN, prisma: async () => database.prisma });
if (metrics) {
  log.info({ port: metrics.address.port }, config.METRICS_TOKEN ? "metrics at GET /metrics" : "metrics at GET /metrics answer 404 until METRICS_TOKEN is set");
}
const worker = await startWorker(config, database);
log.info("running; Ctrl-C or SIGTERM stops it");
stopOnSignals(async () => {
  await Promise.all([worker.stop(), metrics?.close()]);
  await database.close();
  log.info("stopped");
}, { exit: true });
