import type { PrismaClient } from "../db/generated/client";
import { forgetCachedStaff } from "./verify-staff";

/**
 * Ends every session of an account: JWTs cannot be recalled, so each carries the account's session
 * version and is refused once the version moves on (sign-out, disabling, a new password).
 */
export async function endSessions(db: Pick<PrismaClient, "user">, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  forgetCachedStaff(userId);
}
