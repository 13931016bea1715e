import pino, { type DestinationStream, type Logger } from "pino";
import { logLevelFrom } from "../config";
import { currentRequestContext } from "../http/request-context";
import { maskEmailList, maskName } from "./mask";
import { serializeError } from "./serialize-error";

export type { Logger } from "pino";

// Fields that name a person are masked wherever they appear; those that hold what a person typed
// are left out; those shaped like a secret are replaced. Log a person only through these names.
const MASKED = { email: maskEmailList, recipient: maskEmailList, to: maskEmailList, fullName: maskName, name: maskName, phone: () => "***" };
const OMITTED = ["message", "body", "form", "formData", "values", "answers"];
const SECRET = ["password", "token", "formToken", "manageToken", "apiKey", "secret", "authorization", "cookie", "set-cookie"];
const everywhere = (key: string) => [key, `*.${key}`, `*.*.${key}`].map((path) => (path.includes("-") ? path.replace(key, `["${key}"]`) : path));
const REDACT_PATHS = [
  ...Object.keys(MASKED).flatMap(everywhere),
  // "message" only at the top: an error's own message is the error serializer's to mask.
  ...OMITTED.flatMap((key) => (key === "message" ? [key] : everywhere(key))),
  ...SECRET.flatMap(everywhere),
];

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] as keyof typeof MASKED;
  if (key in MASKED) return MASKED[key](value);
  return OMITTED.includes(key) ? "[omitted]" : "[redacted]";
}

// On globalThis: scripts/serve.ts and Next's server bundle each load their own copy of lib/, and
// one process writes one stream of lines.
const key = Symbol.for("consulting-site.logger");
type LogState = { root: Logger; destination: DestinationStream; stdout: DestinationStream };
const processWide = globalThis as { [key]?: LogState };

function state(): LogState {
  if (processWide[key]) return processWide[key];
  const stdout = pino.destination({ dest: 1, sync: true });
  const created: LogState = { destination: stdout, stdout, root: undefined as unknown as Logger };
  const forward: DestinationStream = { write: (line: string) => created.destination.write(line) };
  created.root = pino(
    {
      level: logLevelFrom(process.env),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACT_PATHS, censor },
      // Every line written while a request is handled names it, so one grep follows it.
      mixin: () => {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId } : {};
      },
    },
    forward,
  );
  processWide[key] = created;
  return created;
}

/** The logger for one part of the app: each line carries `component` (and the request id, in a request). */
export function loggerFor(component: string): Logger {
  return state().root.child({ component });
}

/** Sends every line to `destination` (a test's), or back to stdout when undefined. */
export function setLogDestination(destination: DestinationStream | undefined): void {
  const current = state();
  current.destination = destination ?? current.stdout;
}
