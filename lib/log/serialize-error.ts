import { maskEmailsIn } from "./mask";

export type LoggedError = { type: string; message: string; code?: string; sqlState?: string; constraint?: string; stack?: string; cause?: LoggedError };

const MAX_MESSAGE = 500;
const MAX_CAUSES = 3;
// A database error's text can quote the row it refused ("Key (email)=(jane@…) already exists"), and
// Prisma's validation errors print the query's arguments: for those only codes are kept.
const WITHHELD = "(database error: its text is not logged, as it can quote the values written)";

type AdapterCause = { kind?: string; originalCode?: string; constraint?: { index?: string; fields?: string[] } };

/**
 * An error as a log line may carry it: its type, codes and stack frames, and its message with any
 * email address masked, or, for a database error, no message at all.
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(a value that is not an Error was thrown)" };
  const database = isDatabaseError(error);
  const code = (error as { code?: unknown }).code;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError?.cause;
  const pgError = error as { constraint?: unknown; severity?: unknown };
  const serialized: LoggedError = {
    type: error.name === "Error" ? error.constructor.name : error.name,
    message: database ? WITHHELD : maskEmailsIn(error.message).slice(0, MAX_MESSAGE),
    stack: stackFrames(error.stack),
  };
  if (typeof code === "string" || typeof code === "number") serialized.code = String(code);
  if (cause?.originalCode) serialized.sqlState = cause.originalCode;
  else if (database && typeof pgError.severity === "string" && typeof code === "string") serialized.sqlState = code;
  const constraint = cause?.constraint?.index ?? (typeof pgError.constraint === "string" ? pgError.constraint : undefined);
  if (constraint) serialized.constraint = constraint;
  if (error.cause !== undefined && depth < MAX_CAUSES) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

function isDatabaseError(error: Error): boolean {
  if (/^Prisma|DriverAdapterError/.test(error.name) || /^Prisma/.test(error.constructor.name)) return true;
  // node-postgres's DatabaseError: a severity and a SQLSTATE, and a detail that quotes values.
  return typeof (error as { severity?: unknown }).severity === "string" && "detail" in error;
}

/** The stack's "at …" lines only: its first line repeats the message. */
function stackFrames(stack: string | undefined): string | undefined {
  const frames = stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return frames?.length ? frames.map((line) => line.trim()).join("\n") : undefined;
}
