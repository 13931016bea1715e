import { delay } from "./pacer";
import { loggerFor, type Logger } from "../log/logger";

export type PeriodicTask = { stop(): Promise<void> };

/** Runs `run` now and then every `everySeconds` after each run ends, until stopped (a run in progress finishes). */
export function startPeriodicTask(name: string, everySeconds: number, run: () => Promise<unknown>, log: Pick<Logger, "warn"> = loggerFor("worker")): PeriodicTask {
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await run().catch((error: Error) => log.warn({ err: error, task: name }, `${name} failed`));
      await delay(everySeconds * 1000, stopping.signal);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
