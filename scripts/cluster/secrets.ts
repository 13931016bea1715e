import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** What every instance of one deployment must share: the session and link key, and Next's server-action key. */
export type SharedSecrets = { AUTH_SECRET: string; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string };

const secretsSchema = z.object({ AUTH_SECRET: z.string().min(32), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().min(1) });
const FILE = "cluster-secrets.json";

/**
 * The environment's values where set; the rest made once and kept in DATA_DIR/cluster-secrets.json,
 * so sessions, manage links and forms already rendered outlive a restart.
 */
export function sharedSecrets(env: Record<string, string | undefined>, dataDir: string): SharedSecrets & { file?: string } {
  const fromEnv = { AUTH_SECRET: env.AUTH_SECRET || env.NEXTAUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY };
  if (fromEnv.AUTH_SECRET && fromEnv.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return fromEnv as SharedSecrets;
  const file = path.resolve(dataDir, FILE);
  const fresh: SharedSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // An AES-256 key, as Next.js expects it: 32 bytes in base64.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const kept = secretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!kept.success) throw new Error(`${file} is not what npm run cluster wrote (${kept.error.issues[0]?.message}); delete it to make new secrets`);
  return {
    AUTH_SECRET: fromEnv.AUTH_SECRET || kept.data.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: fromEnv.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || kept.data.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    file,
  };
}
