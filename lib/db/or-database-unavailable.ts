import { setResponseStatus } from "../http/request-context";
import { loggerFor } from "../log/logger";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./database-unavailable";

export const DATABASE_UNAVAILABLE = Symbol("the database is unavailable");

/**
 * `work`'s result; or, when the database cannot be reached, DATABASE_UNAVAILABLE, with this
 * request's answer turned into a 503 and a Retry-After. Any other error is thrown on.
 */
export async function orDatabaseUnavailable<T>(label: string, work: () => Promise<T>): Promise<T | typeof DATABASE_UNAVAILABLE> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    loggerFor("db").warn({ err: error, during: label }, "the database is unavailable: answering 503");
    setResponseStatus(503, DATABASE_RETRY_AFTER_SECONDS);
    return DATABASE_UNAVAILABLE;
  }
}
