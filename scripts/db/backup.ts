import { getConfig } from "../../lib/config";
import { backupDatabase, restoreDatabase } from "../../lib/db/backup";
import { configuredDatabase } from "../../lib/db/database";

// npm run db:backup [-- FILE] and npm run db:restore -- FILE: the embedded database or DATABASE_URL's.
const [command, file] = process.argv.slice(2);
const options = configuredDatabase(getConfig());
const where = options.kind === "postgres" ? "the PostgreSQL database" : `the embedded database in ${options.dataDir}`;
try {
  if (command === "backup") {
    const target = file ?? `backup-${new Date().toISOString().replace(/[:.]/g, "-")}.${options.kind === "postgres" ? "dump" : "tar.gz"}`;
    await backupDatabase(options, target);
    console.log(`Backed up ${where} to ${target}`);
  } else if (command === "restore" && file) {
    await restoreDatabase(options, file);
    console.log(`Restored ${file} into ${where}`);
  } else {
    console.error("usage: npm run db:backup [-- FILE] | npm run db:restore -- FILE");
    process.exit(2);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
