import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";

/** The little a migration run needs from a connection, over node-postgres or PGlite alike. */
export interface SqlSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
}

export function pgSession(client: Client): SqlSession {
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

export function pgliteSession(pglite: PGlite): SqlSession {
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
  };
}
