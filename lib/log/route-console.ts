import { format } from "node:util";
import { loggerFor } from "./logger";
import { maskEmailsIn } from "./mask";

// Next.js and the libraries under it write to the console: "⨯ Error: …" with a stack over many
// lines, "⚠ …". Routed here, each call is one JSON line like the app's own, its error serialised
// (emails masked, a database error's text withheld) and any email in its text masked.
const MARKER = /^\s*[⨯⚠✓○▲]\s*/u;
const LEVELS = { error: "error", warn: "warn", info: "info", log: "info", debug: "debug" } as const;

/** Sends every console call in this process through the logger, as component `console`. */
export function routeConsoleToLog(): void {
  const log = loggerFor("console");
  for (const [method, level] of Object.entries(LEVELS) as Array<[keyof typeof LEVELS, (typeof LEVELS)[keyof typeof LEVELS]]>) {
    // eslint-disable-next-line no-console -- replacing the console is this module's one job
    console[method] = (...args: unknown[]) => {
      const err = args.find((arg) => arg instanceof Error);
      const text = maskEmailsIn(format(...args.filter((arg) => arg !== err)).replace(MARKER, "").trim());
      if (err) log[level]({ err }, text || (err as Error).name);
      else log[level](text);
    };
  }
}
