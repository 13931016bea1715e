import { parseArgs } from "node:util";
import { ConfigError, getConfig } from "../lib/config";
import { configuredDatabase } from "../lib/db/database";
import { DataDirLockedError } from "../lib/db/data-dir-lock";
import { openDatabase } from "../lib/db/open-database";
import { DEFAULT_SEED, MAX_SEED_LEADS, seedDemo, validateLeadCount, type SeedProgress, type SeedSummary } from "./seed-demo-data";

// npm run seed:demo -- [--leads 1000] [--seed 1]
// Adds realistic demo leads (with bookings, sent emails, notes and audit events, spread over the last
// two years) to the database at DATABASE_URL, or to the embedded one under DATA_DIR. Run it again to
// add more; the same seed on an empty database gives the same leads.

const USAGE = `Usage: npm run seed:demo -- [--leads N] [--seed S]
  --leads N  how many leads to add, 1 to ${MAX_SEED_LEADS.toLocaleString("en-US")} (default 1,000)
  --seed S   a whole number; the same seed gives the same leads (default ${DEFAULT_SEED})`;

function parseOptions(): { leads: number; seed: number } | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      options: { leads: { type: "string", default: "1000" }, seed: { type: "string", default: String(DEFAULT_SEED) }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return undefined;
  }
  const leads = Number(values.leads.replaceAll(/[_,]/g, ""));
  const seed = Number(values.seed);
  try {
    validateLeadCount(leads);
    if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new RangeError("--seed must be a whole number");
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  return { leads, seed };
}

const count = (value: number) => value.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `[#####.....] 40,000 / 100,000 leads, 3.1 s` redrawn in place on a terminal; a line per batch otherwise. */
function progressWriter(note: string) {
  const tty = process.stderr.isTTY;
  const width = 30;
  const progress = {
    /** On a terminal, the empty bar at once, so the first batch is not waited for in silence. */
    start(total: number) {
      if (tty) progress.update({ done: 0, total, elapsedMs: 0 });
    },
    update({ done, total, elapsedMs }: SeedProgress) {
      const text = `${count(done)} / ${count(total)} leads, ${seconds(elapsedMs)}${note}`;
      if (!tty) {
        process.stderr.write(`${text}\n`);
        return;
      }
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text}`);
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
  return progress;
}

function printSummary(summary: SeedSummary) {
  const rows: Array<[string, number, string?]> = [
    ["Lead", summary.leads, `form tokens seed-${summary.firstRow} to seed-${summary.lastRow}`],
    ["Booking", summary.bookings, `${count(summary.confirmedBookings)} confirmed, ${count(summary.bookings - summary.confirmedBookings)} cancelled`],
    ["OutboxMessage", summary.outboxMessages, "all SENT or FAILED"],
    ["EmailEvent", summary.emailEvents],
    ["Note", summary.notes],
    ["AuditEvent", summary.auditEvents],
    ["User", summary.staffCreated, summary.staffCreated ? "demo staff (they cannot sign in)" : `none: leads shared among the ${summary.staff} existing staff`],
  ];
  console.log(`Seeded ${count(summary.leads)} leads in ${seconds(summary.elapsedMs)}; rows added:`);
  for (const [table, rowCount, detail] of rows) console.log(`  ${table.padEnd(14)} ${count(rowCount).padStart(10)}${detail ? `  (${detail})` : ""}`);
}

/** Config mistakes and a data directory held by a running app are the user's to fix: say so, without a stack trace. */
function isExpected(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof RangeError;
}

async function run(options: { leads: number; seed: number }) {
  const config = getConfig();
  const database = openDatabase(configuredDatabase(config));
  try {
    await database.migrate();
    const embedded = database.kind === "embedded";
    console.error(`Seeding ${count(options.leads)} demo leads (seed ${options.seed}) into ${embedded ? `the embedded database in ${config.DATA_DIR}` : "PostgreSQL"}…`);
    const progress = progressWriter(embedded ? " (embedded database: several times slower than PostgreSQL)" : "");
    progress.start(options.leads);
    const summary = await seedDemo(database.prisma, {
      leads: options.leads,
      seed: options.seed,
      staffEmails: config.STAFF_NOTIFY_EMAIL ?? [config.FIRM_EMAIL],
      onProgress: progress.update,
    });
    progress.end();
    printSummary(summary);
  } finally {
    await database.close();
  }
}

const options = parseOptions();
if (options) {
  try {
    await run(options);
  } catch (error) {
    if (!isExpected(error)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
