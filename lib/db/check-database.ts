import { getPrisma } from "./database";
import { loggerFor } from "../log/logger";

const TIMEOUT_MS = 3_000;

/** Whether the database answers a trivial query within a few seconds; never throws. */
export async function checkDatabase(): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const prisma = await Promise.race([getPrisma(), timeout]);
    await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    loggerFor("health").error({ err: error }, "database check failed");
    return { ok: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
