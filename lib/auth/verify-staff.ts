import type { PrismaClient, StaffRole } from "../db/generated/client";
import type { SessionClaims } from "./session-token";

declare const verified: unique symbol;

/** A signed-in, enabled staff member, as checked against the database: only this module makes one. */
export type Staff = { id: string; email: string; name: string; role: StaffRole; readonly [verified]: true };

type CachedUser = { email: string; name: string; role: StaffRole; sessionVersion: number; disabled: boolean; at: number };

// Each request checks the session against the account; a few seconds' cache spares the database
// that query on every page. So a sign-out, disabling or new password reaches other instances'
// caches within this long.
export const STAFF_CACHE_MS = 5_000;
const cache = new Map<string, CachedUser>();
// Every Staff this module has vouched for: the data layer refuses any other object, however shaped.
const vouchedFor = new WeakSet<object>();

export function forgetCachedStaff(userId: string): void {
  cache.delete(userId);
}

/** The staff member a session stands for, if the account still exists, is enabled and has not ended its sessions since. */
export async function verifyStaff(db: PrismaClient, claims: SessionClaims | null, now = Date.now()): Promise<Staff | null> {
  if (!claims) return null;
  let user = cache.get(claims.sub);
  if (!user || now - user.at > STAFF_CACHE_MS) {
    const row = await db.user.findUnique({ where: { id: claims.sub }, select: { email: true, name: true, role: true, sessionVersion: true, disabledAt: true } });
    if (!row) return null;
    user = { email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion, disabled: row.disabledAt !== null, at: now };
    if (cache.size > 1_000) cache.clear();
    cache.set(claims.sub, user);
  }
  if (user.disabled || user.sessionVersion !== claims.sv) return null;
  const staff = { id: claims.sub, email: user.email, name: user.name, role: user.role } as Staff;
  vouchedFor.add(staff);
  return staff;
}

export class AccessDenied extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in as staff first." : "This needs an administrator.");
    this.name = "AccessDenied";
  }
}

/** The data layer's own check: throws unless `staff` came from verifyStaff (and is an admin, when asked). */
export function assertStaff(staff: Staff | null | undefined, role?: "ADMIN"): asserts staff is Staff {
  if (!staff || !vouchedFor.has(staff)) throw new AccessDenied(401);
  if (role === "ADMIN" && staff.role !== "ADMIN") throw new AccessDenied(403);
}

export const isAdmin = (staff: Staff) => staff.role === "ADMIN";
