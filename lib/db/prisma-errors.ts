import { Prisma } from "./generated/client";

// Through driver adapters the database's own error arrives under meta.driverAdapterError.cause.
type AdapterCause = { kind?: string; originalCode?: string; constraint?: { fields?: string[]; index?: string } };

function adapterCause(error: unknown): AdapterCause | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const meta = error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined;
  return meta?.driverAdapterError?.cause;
}

/**
 * A unique constraint refused the write (P2002 from a model query, P2010 from raw SQL); with
 * `field`, only one that covers that column.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = adapterCause(error);
  if (error.code !== "P2002" && cause?.originalCode !== "23505") return false;
  if (!field) return true;
  const target = (error.meta as { target?: unknown } | undefined)?.target;
  const fields = [...(cause?.constraint?.fields ?? []), ...(Array.isArray(target) ? target : [])].map(String);
  const index = cause?.constraint?.index ?? (typeof target === "string" ? target : "");
  return fields.some((name) => name.replaceAll('"', "") === field) || index.includes(`_${field}_`);
}

/**
 * Another write to the same time decided this one's fate: an exclusion constraint refused it
 * (PostgreSQL 23P01; for bookings, an overlap), or PostgreSQL broke a deadlock by aborting it
 * (40P01). Two inserts that overlap under an exclusion constraint each wait for the other to finish
 * before they can check it, so two prospects racing for one time can deadlock rather than one of
 * them being refused. Either way this write lost the race, and trying again finds the time taken.
 */
export function isOverlapConflict(error: unknown): boolean {
  const code = adapterCause(error)?.originalCode;
  return code === "23P01" || code === "40P01";
}
