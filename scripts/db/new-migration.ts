import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrationsDir } from "../../lib/db/migration-files";
import { diffMigrationsToSchema } from "./schema-engine";

// Usage: npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with what schema.prisma adds to the
// migrations so far. Hand-written SQL (constraints Prisma cannot express) goes below it.

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Name the migration: npm run db:new-migration -- add_lead_source");
  process.exit(1);
}

const dir = migrationsDir();
const sql = await diffMigrationsToSchema(dir);
if (!sql) {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
await mkdir(target, { recursive: true });
await writeFile(path.join(target, "migration.sql"), `${sql}\n`);
console.log(`Wrote ${path.relative(process.cwd(), target)}/migration.sql`);
