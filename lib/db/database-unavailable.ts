import { Prisma } from "./generated/client";

// "The database cannot be reached right now" as each layer reports it: node-postgres' socket errors
// and timeouts, PostgreSQL's own codes for a server shutting down or not yet accepting connections,
// and Prisma's driver-adapter wrappers of either. A request that meets one gets a 503 and "try again
// in a moment"; anything else is a bug and stays a 500.

/** Seconds a client is asked to wait (Retry-After) before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions; 53300: too many connections.
const POSTGRES_CODE = /^(?:57P0[123]|08[0-9A-Z]{3}|53300)$/;
// What node-postgres and pg-pool throw without a code when a connection dies or never opens.
const DRIVER_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Connection terminated due to connection timeout",
];
// Prisma: can't reach (P1001), timed out (P1002), closed (P1017), pool timeout (P2024), no transaction in time (P2028).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

type AdapterCause = { kind?: string; code?: string; originalCode?: string };

function isUnavailableHere(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError?.cause;
    if (cause?.kind && ADAPTER_KINDS.has(cause.kind)) return true;
    const code = cause?.originalCode ?? cause?.code;
    if (code && POSTGRES_CODE.test(code)) return true;
    return PRISMA_CODES.has(error.code);
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || POSTGRES_CODE.test(code))) return true;
  return DRIVER_MESSAGES.some((message) => error.message.startsWith(message));
}

/** Whether `error` (or one it was caused by) says the database is unreachable, rather than that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (isUnavailableHere(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
