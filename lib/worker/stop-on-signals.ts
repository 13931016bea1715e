import { loggerFor } from "../log/logger";

const log = loggerFor("worker");

/**
 * On SIGTERM or SIGINT, runs `stop` once and then exits. Under `next start` this is ours to do only
 * when NEXT_MANUAL_SIG_HANDLE is set (our start scripts set it); otherwise Next exits on its own
 * schedule and a send still in flight is re-sent, under the same idempotency key, when its lease ends.
 */
export function stopOnSignals(stop: () => Promise<void>, options: { exit: boolean }): void {
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stopping ??= stop()
      .catch((error: Error) => log.error({ err: error }, "stopping failed"))
      .finally(() => {
        if (options.exit) process.exit(signal === "SIGINT" ? 130 : 143);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
