import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { createAccount } from "./accounts";
import type { AuthSettings } from "./auth-settings";
import { authenticate, type SignedInStaff } from "./authenticate";
import { endSessions } from "./end-sessions";
import { decodeSession, encodeSession, sessionCookieName, sessionCookieOptions } from "./session-token";
import { AccessDenied, assertStaff, forgetCachedStaff, isAdmin, STAFF_CACHE_MS, verifyStaff, type Staff } from "./verify-staff";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const settings: AuthSettings = {
  secret: "x".repeat(40),
  sessionHours: 8,
  perAccount: { limit: 3, windowSeconds: 900 },
  perIp: { limit: 5, windowSeconds: 900 },
  secureCookies: false,
};

let people = 0;
async function account(role: "ADMIN" | "STAFF" = "STAFF") {
  people += 1;
  return createAccount(database.prisma, { email: `person-${people}@example.com`, name: `Person ${people}`, role, password: "a-long-password-123" });
}
const signedIn = (id: string, role: "ADMIN" | "STAFF" = "STAFF", sessionVersion = 0): SignedInStaff => ({ id, email: "someone@example.com", name: "Someone", role, sessionVersion });

function denial(run: () => void): AccessDenied {
  try {
    run();
  } catch (error) {
    if (error instanceof AccessDenied) return error;
    throw error;
  }
  throw new Error("expected AccessDenied, but nothing was thrown");
}

describe("the session token", () => {
  it("carries the account, its role and its session version, and nothing readable", async () => {
    const id = randomUUID();
    const token = await encodeSession(signedIn(id, "ADMIN", 4), settings);
    expect(token).not.toContain(id);
    expect(await decodeSession(token, settings)).toEqual({ sub: id, role: "ADMIN", sv: 4 });
  });

  it("is refused when missing, malformed, or encrypted with another secret", async () => {
    const token = await encodeSession(signedIn(randomUUID()), settings);
    expect(await decodeSession(undefined, settings)).toBeNull();
    expect(await decodeSession("", settings)).toBeNull();
    expect(await decodeSession("not.a.token", settings)).toBeNull();
    expect(await decodeSession(`${token.slice(0, -4)}AAAA`, settings), "tampered with").toBeNull();
    expect(await decodeSession(token, { ...settings, secret: "y".repeat(40) })).toBeNull();
  });

  it("is refused once expired", async () => {
    const expired = await encode({ token: { sub: randomUUID(), role: "STAFF", sv: 0 }, secret: settings.secret, maxAge: -3_600 });
    expect(await decodeSession(expired, settings)).toBeNull();
    const fresh = await encode({ token: { sub: randomUUID(), role: "STAFF", sv: 0 }, secret: settings.secret, maxAge: 3_600 });
    expect(await decodeSession(fresh, settings)).not.toBeNull();
  });

  it("is refused without the claims a session needs: a valid next-auth token of another shape does not pass", async () => {
    const make = (token: Record<string, unknown>) => encode({ token, secret: settings.secret, maxAge: 3_600 });
    expect(await decodeSession(await make({ sub: randomUUID(), role: "STAFF" }), settings), "no session version").toBeNull();
    expect(await decodeSession(await make({ sub: randomUUID(), sv: 0 }), settings), "no role").toBeNull();
    expect(await decodeSession(await make({ sub: randomUUID(), role: "ROOT", sv: 0 }), settings), "an unknown role").toBeNull();
    expect(await decodeSession(await make({ sub: randomUUID(), role: "STAFF", sv: "0" }), settings), "a version that is not a number").toBeNull();
    expect(await decodeSession(await make({ role: "ADMIN", sv: 0 }), settings), "no subject").toBeNull();
  });

  it("lives in an HttpOnly, SameSite=Lax cookie for the session's hours, Secure and __Secure- prefixed over HTTPS", () => {
    expect(sessionCookieName(settings)).toBe("next-auth.session-token");
    expect(sessionCookieName({ secureCookies: true })).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieOptions(settings)).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 8 * 3600 });
    expect(sessionCookieOptions({ ...settings, secureCookies: true, sessionHours: 2 })).toMatchObject({ secure: true, maxAge: 7200 });
  });
});

describe("checking a session against its account", () => {
  it("gives the staff member as the database has them, role included, whatever the token claims", async () => {
    const user = await account("STAFF");
    const staff = await verifyStaff(database.prisma, { sub: user.id, role: "ADMIN", sv: 0 });
    expect(staff).toEqual({ id: user.id, email: user.email, name: expect.stringMatching(/^Person \d+$/), role: "STAFF" });
    expect(isAdmin(staff!)).toBe(false);
  });

  it("refuses no session, an unknown account and a session of another version", async () => {
    const user = await account();
    expect(await verifyStaff(database.prisma, null)).toBeNull();
    expect(await verifyStaff(database.prisma, { sub: randomUUID(), role: "STAFF", sv: 0 })).toBeNull();
    expect(await verifyStaff(database.prisma, { sub: user.id, role: "STAFF", sv: 1 })).toBeNull();
  });

  it("refuses a disabled account, within the cache's few seconds at most", async () => {
    const user = await account();
    const start = Date.now();
    const claims = { sub: user.id, role: "STAFF" as const, sv: 0 };
    expect(await verifyStaff(database.prisma, claims, start)).not.toBeNull();
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });

    expect(await verifyStaff(database.prisma, claims, start + 1_000), "still cached").not.toBeNull();
    expect(await verifyStaff(database.prisma, claims, start + STAFF_CACHE_MS + 1), "the cache has lapsed").toBeNull();
  });

  it("refuses at once once this process forgets the cached account", async () => {
    const user = await account();
    const claims = { sub: user.id, role: "STAFF" as const, sv: 0 };
    expect(await verifyStaff(database.prisma, claims)).not.toBeNull();
    await database.prisma.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    forgetCachedStaff(user.id);
    expect(await verifyStaff(database.prisma, claims)).toBeNull();
  });

  it("ends every session of an account at once, leaving a session of the new version good", async () => {
    const user = await account("ADMIN");
    const old = { sub: user.id, role: "ADMIN" as const, sv: 0 };
    expect(await verifyStaff(database.prisma, old)).not.toBeNull();
    await endSessions(database.prisma, user.id);
    expect(await verifyStaff(database.prisma, old)).toBeNull();
    expect(await verifyStaff(database.prisma, { ...old, sv: 1 })).toMatchObject({ id: user.id, role: "ADMIN" });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("takes a sign-in through its cookie's token to the staff member, until the account's sessions are ended", async () => {
    const user = await account("ADMIN");
    const outcome = await authenticate(database.prisma, { email: user.email, password: "a-long-password-123", ip: "203.0.113.1" }, settings);
    if (outcome.kind !== "signed-in") throw new Error(`sign-in ${outcome.kind}`);
    const token = await encodeSession(outcome.user, settings);
    const staff = await verifyStaff(database.prisma, await decodeSession(token, settings));
    expect(staff).toMatchObject({ id: user.id, role: "ADMIN" });
    expect(() => assertStaff(staff, "ADMIN")).not.toThrow();

    await endSessions(database.prisma, user.id); // signing out
    expect(await verifyStaff(database.prisma, await decodeSession(token, settings)), "the same cookie, after signing out").toBeNull();
  });
});

describe("the data layer's own check", () => {
  it("accepts a Staff from verifyStaff, and an admin where an admin is needed", async () => {
    const staff = await verifyStaff(database.prisma, { sub: (await account("STAFF")).id, role: "STAFF", sv: 0 });
    const admin = await verifyStaff(database.prisma, { sub: (await account("ADMIN")).id, role: "ADMIN", sv: 0 });
    expect(() => assertStaff(staff)).not.toThrow();
    expect(() => assertStaff(admin)).not.toThrow();
    expect(() => assertStaff(admin, "ADMIN")).not.toThrow();
  });

  it("refuses with 401 anything verifyStaff did not make: nothing, a hand-made object, a copy of a real one", async () => {
    const user = await account("ADMIN");
    const real = (await verifyStaff(database.prisma, { sub: user.id, role: "ADMIN", sv: 0 }))!;
    const handMade = { id: user.id, email: user.email, name: "Person", role: "ADMIN" } as unknown as Staff;
    for (const fake of [null, undefined, handMade, { ...real }]) {
      const error = denial(() => assertStaff(fake));
      expect(error.status).toBe(401);
      expect(error.name).toBe("AccessDenied");
    }
  });

  it("refuses with 403 a STAFF member where an admin is needed", async () => {
    const staff = await verifyStaff(database.prisma, { sub: (await account("STAFF")).id, role: "STAFF", sv: 0 });
    expect(denial(() => assertStaff(staff, "ADMIN")).status).toBe(403);
  });
});
