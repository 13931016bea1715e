import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dataDir: string, ownerPid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${ownerPid}. ` +
        `Stop that process first, or point this one at another DATA_DIR or at a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite does not lock its data directory, and two processes writing one directory corrupt it.
 * Takes an exclusive lock file holding this process's pid; a lock left by a dead process is taken over.
 * Returns the function that releases it (also run when the process exits).
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "owner.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      if (owner === process.pid) return () => {};
      if (owner !== undefined && isRunning(owner)) throw new DataDirLockedError(dataDir, owner);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: another process keeps taking the lock.`);
}

/** An embedded database another process holds will not come free by waiting: the server stops. */
export function exitIfDataDirLocked(error: Error): void {
  if (error instanceof DataDirLockedError) process.exit(1);
}
