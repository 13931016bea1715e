import { decode, encode } from "next-auth/jwt";
import type { StaffRole } from "../db/generated/client";
import type { AuthSettings } from "./auth-settings";
import type { SignedInStaff } from "./authenticate";

// The session is next-auth's own JWT (encrypted with a key derived from AUTH_SECRET), in next-auth's
// cookie, so next-auth's route handler and getServerSession read it too.

export type SessionClaims = { sub: string; role: StaffRole; sv: number };

export const sessionCookieName = (settings: Pick<AuthSettings, "secureCookies">) =>
  settings.secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export function sessionCookieOptions(settings: AuthSettings) {
  return { httpOnly: true, sameSite: "lax" as const, secure: settings.secureCookies, path: "/", maxAge: settings.sessionHours * 3600 };
}

export async function encodeSession(user: SignedInStaff, settings: AuthSettings): Promise<string> {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion },
    secret: settings.secret,
    maxAge: settings.sessionHours * 3600,
  });
}

/** The session's claims, or null for a missing, forged, expired or malformed token. */
export async function decodeSession(token: string | undefined, settings: AuthSettings): Promise<SessionClaims | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: settings.secret }).catch(() => null);
  if (!claims || typeof claims.sub !== "string" || typeof claims.sv !== "number" || (claims.role !== "ADMIN" && claims.role !== "STAFF")) return null;
  return { sub: claims.sub, role: claims.role, sv: claims.sv };
}
