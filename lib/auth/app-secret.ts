import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AppConfig } from "../config";

const SECRET_FILE = "app-secret";
let cached: string | undefined;

/**
 * The key that signs manage links (and, later, sessions): AUTH_SECRET, which production requires
 * (lib/config.ts). Elsewhere, without it, a random key kept in DATA_DIR so that links already
 * emailed keep working across restarts; the first process to need it writes it.
 */
export function getAppSecret(config: AppConfig): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (cached) return cached;
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), config.DATA_DIR);
  const file = path.join(dir, SECRET_FILE);
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    cached = readFileSync(file, "utf8").trim();
  }
  return cached;
}
