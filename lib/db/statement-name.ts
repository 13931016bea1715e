import { createHash } from "node:crypto";

/**
 * A name for each distinct SQL text, so that node-postgres prepares it once per connection and
 * PostgreSQL parses it once, instead of receiving and parsing the text on every call (a booking's
 * statement is 3 KB). Named statements need a session of their own on the server: behind
 * PgBouncer in transaction mode, set its max_prepared_statements.
 */
export function statementName({ sql }: { sql: string }): string {
  return `prisma_${createHash("sha1").update(sql).digest("base64url")}`;
}
