import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPGlite } from "./create-pglite";
import type { DatabaseOptions } from "./open-database";
import { lockDataDir } from "./data-dir-lock";

const embeddedFolder = (dataDir: string) => path.join(dataDir, "pglite");

/**
 * Writes the whole database to `file`: PostgreSQL through pg_dump (custom format, for
 * pg_restore); the embedded one as PGlite's gzipped data folder, which needs the folder free
 * (stop `npm start` first: two processes on one folder corrupt it).
 */
export async function backupDatabase(options: DatabaseOptions, file: string): Promise<void> {
  if (options.kind === "postgres") return run("pg_dump", ["--format=custom", "--no-owner", "--file", file, options.url]);
  const release = lockDataDir(options.dataDir);
  try {
    if (!existsSync(embeddedFolder(options.dataDir))) throw new Error(`There is no embedded database in ${options.dataDir} to back up.`);
    const pglite = createPGlite(embeddedFolder(options.dataDir));
    try {
      await pglite.waitReady; // dumpDataDir does not wait for it
      const dump = await pglite.dumpDataDir("gzip");
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a backup written by backupDatabase: into the PostgreSQL database (pg_restore, whose
 * objects it replaces), or into an embedded DATA_DIR that holds no database yet.
 */
export async function restoreDatabase(options: DatabaseOptions, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  if (options.kind === "postgres") return run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", options.url, file]);
  const folder = embeddedFolder(options.dataDir);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new Error(`${options.dataDir} already holds a database: move it away (or point DATA_DIR at an empty folder) and restore again.`);
  }
  const release = lockDataDir(options.dataDir);
  try {
    const pglite = createPGlite(folder, new Blob([await readFile(file)]));
    await pglite.waitReady;
    await pglite.close();
  } finally {
    release();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", (error) => reject(new Error(`${command} could not run (${error.message}): install PostgreSQL's client tools`)));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}
