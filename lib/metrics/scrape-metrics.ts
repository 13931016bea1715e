import { Gauge, Registry } from "prom-client";
import type { PrismaClient } from "../db/generated/client";
import { loggerFor } from "../log/logger";
import { metricsRegistry, processMetric } from "./registry";

const log = loggerFor("metrics");

// The gauges read from the database live in a registry of their own, printed only when this
// scrape could read them: a gauge once set would otherwise repeat a stale value with the database away.
function databaseGauges() {
  return processMetric("database", (processRegistry) => {
    const registry = new Registry();
    return {
      registry,
      up: new Gauge({ name: "metrics_database_up", help: "1 when the database answered this scrape's queries in time, else 0 (and the gauges read from it are left out).", registers: [processRegistry] }),
      outbox: new Gauge({ name: "outbox_messages", help: "Outbox rows (emails and calendar writes) by status: PENDING (due now or later), SENDING, FAILED (for good).", labelNames: ["status"] as const, registers: [registry] }),
      overdue: new Gauge({
        name: "outbox_oldest_overdue_seconds",
        help: "How long the oldest row has waited past its due time for a worker (a PENDING row due, or a SENDING row whose lease ran out); 0 when none.",
        registers: [registry],
      }),
      calendarAge: new Gauge({
        name: "calendar_sync_oldest_age_seconds",
        help: "Time since the stalest connected calendar last synced (since it was connected, if never); 0 with no calendars.",
        registers: [registry],
      }),
      calendars: new Gauge({ name: "calendars_connected", help: "Consultants' calendars connected.", registers: [registry] }),
    };
  });
}

type OutboxRow = { pending: number; sending: number; failed: number; overdueSeconds: number };
type CalendarRow = { calendars: number; oldestSeconds: number };

/**
 * The whole scrape: the process's metrics, and the gauges read from the database in two small
 * queries (the outbox's by its status index) within `timeoutMs`. If the database does not answer,
 * metrics_database_up is 0 and those gauges are left out; the process's own counters and
 * histograms are served all the same.
 */
export async function scrapeMetrics(prisma: () => Promise<PrismaClient>, timeoutMs: number): Promise<string> {
  const gauges = databaseGauges();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  let fromDatabase = "";
  try {
    const [outbox, calendars] = await Promise.race([readGauges(prisma), timeout]);
    gauges.up.set(1);
    for (const [status, value] of [["PENDING", outbox.pending], ["SENDING", outbox.sending], ["FAILED", outbox.failed]] as const) gauges.outbox.set({ status }, value);
    gauges.overdue.set(outbox.overdueSeconds);
    gauges.calendars.set(calendars.calendars);
    gauges.calendarAge.set(calendars.oldestSeconds);
    fromDatabase = await gauges.registry.metrics();
  } catch (error) {
    log.warn({ err: error }, "database gauges not read for this scrape");
    gauges.up.set(0);
  } finally {
    clearTimeout(timer);
  }
  return `${await metricsRegistry().metrics()}${fromDatabase}`;
}

async function readGauges(prisma: () => Promise<PrismaClient>): Promise<[OutboxRow, CalendarRow]> {
  const db = await prisma();
  const [[outbox], [calendars]] = await Promise.all([
    db.$queryRaw<OutboxRow[]>`
      SELECT count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
        count(*) FILTER (WHERE "status" = 'SENDING')::int AS "sending",
        count(*) FILTER (WHERE "status" = 'FAILED')::int AS "failed",
        COALESCE(EXTRACT(EPOCH FROM now() - LEAST(
          min("nextAttemptAt") FILTER (WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()),
          min("leaseExpiresAt") FILTER (WHERE "status" = 'SENDING' AND "leaseExpiresAt" <= now()))), 0)::float8 AS "overdueSeconds"
      FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'SENDING', 'FAILED')`,
    db.$queryRaw<CalendarRow[]>`
      SELECT count(*)::int AS "calendars", COALESCE(EXTRACT(EPOCH FROM now() - min(COALESCE("lastSyncedAt", "createdAt"))), 0)::float8 AS "oldestSeconds"
      FROM "Calendar"`,
  ]);
  return [outbox!, calendars!];
}
