import pg from "pg";
import { loggerFor } from "../log/logger";

const RELISTEN_DELAY_MS = 1_000;
const log = loggerFor("db");

/**
 * LISTEN on its own connection, outside the pool. A connection that cannot be opened, at start-up
 * included, or that drops later is opened again every second until it holds; callers poll meanwhile.
 * Resolves at once either way, so a database that is slow to answer never leaves wake-ups off for good.
 */
export async function listenOnPostgres(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    if (stopped) return void next.end().catch(() => {});
    client = next;
    // A commit made while no connection was listening woke nobody: look now.
    onNotify();
  };
  const connectLater = () => {
    retry = setTimeout(function again() {
      connect().catch(() => {
        if (!stopped) retry = setTimeout(again, RELISTEN_DELAY_MS);
      });
    }, RELISTEN_DELAY_MS);
  };
  const reconnect = (failed: pg.Client) => {
    if (stopped || client !== failed) return;
    client = undefined;
    failed.end().catch(() => {});
    connectLater();
  };

  await connect().catch((error: Error) => {
    log.warn({ err: error, channel }, "cannot listen for wake-ups yet; polling meanwhile and trying again every second");
    connectLater();
  });
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
