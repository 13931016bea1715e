import { getConfig } from "../../lib/config";
import { configuredDatabase } from "../../lib/db/database";
import { openDatabase } from "../../lib/db/open-database";

// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
try {
  const options = configuredDatabase(getConfig());
  const database = openDatabase(options);
  try {
    const applied = await database.migrate();
    const where = options.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${options.dataDir}`;
    console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `${where}: already up to date.`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
