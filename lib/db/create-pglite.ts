import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** PGlite with the extensions the migrations create; in memory without a folder. `loadDataDir`: a backup to start from. */
export function createPGlite(dataDir = "memory://", loadDataDir?: PGliteOptions["loadDataDir"]): PGlite {
  return new PGlite(dataDir, { extensions: { btree_gist, pg_trgm }, loadDataDir });
}
