import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { createAccount } from "./accounts";
import type { AuthSettings } from "./auth-settings";
import { authenticate } from "./authenticate";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "User", "RateLimitBucket", "AuditEvent" CASCADE`);
});

const settings: AuthSettings = {
  secret: "x".repeat(40),
  sessionHours: 8,
  perAccount: { limit: 3, windowSeconds: 900 },
  perIp: { limit: 5, windowSeconds: 900 },
  secureCookies: false,
};
const PASSWORD = "a-long-password-123";

const signIn = (email: string, password: string, ip = "203.0.113.10") => authenticate(database.prisma, { email, password, ip }, settings);
const account = (email = "ann@example.com", role: "ADMIN" | "STAFF" = "STAFF") => createAccount(database.prisma, { email, role, name: "Ann Admin", password: PASSWORD });
const auditRows = () => database.prisma.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true, detail: true, ip: true } });
const bucket = (key: string) => database.prisma.rateLimitBucket.findUnique({ where: { key } });

describe("signing in", () => {
  it("signs in with the right password, whatever the case and spacing of the email, and records when and from where", async () => {
    const user = await account("ann@example.com", "ADMIN");
    const before = Date.now();
    const outcome = await signIn("  Ann@Example.COM ", PASSWORD, "198.51.100.7");
    expect(outcome).toEqual({ kind: "signed-in", user: { id: user.id, email: "ann@example.com", name: "Ann Admin", role: "ADMIN", sessionVersion: 0 } });

    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(await auditRows()).toEqual([{ action: "sign-in", actorId: user.id, detail: null, ip: "198.51.100.7" }]);
  });

  it("refuses a wrong password and audits it as such, against the account", async () => {
    const user = await account();
    expect(await signIn("ann@example.com", "a-long-password-124")).toEqual({ kind: "refused" });
    expect(await auditRows()).toEqual([{ action: "sign-in.failed", actorId: user.id, detail: { email: "ann@example.com", reason: "wrong password" }, ip: "203.0.113.10" }]);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();
  });

  it("refuses an email with no account, with no actor in the audit row", async () => {
    expect(await signIn("Nobody@Example.com", PASSWORD)).toEqual({ kind: "refused" });
    expect(await auditRows()).toEqual([{ action: "sign-in.failed", actorId: null, detail: { email: "nobody@example.com", reason: "unknown email" }, ip: "203.0.113.10" }]);
  });

  it("refuses an email with control characters in it (NUL among them, which PostgreSQL refuses in text) and audits what is left of it", async () => {
    expect(await signIn("nobody\u0000@exam\u0007ple.com\u001b", PASSWORD)).toEqual({ kind: "refused" });
    expect(await auditRows()).toEqual([{ action: "sign-in.failed", actorId: null, detail: { email: "nobody@example.com", reason: "unknown email" }, ip: "203.0.113.10" }]);
  });

  it("refuses a disabled account even with its right password, and says so only in the audit log", async () => {
    const user = await account();
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signIn("ann@example.com", PASSWORD)).toEqual({ kind: "refused" });
    expect(await auditRows()).toEqual([{ action: "sign-in.failed", actorId: user.id, detail: { email: "ann@example.com", reason: "disabled" }, ip: "203.0.113.10" }]);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account", async () => {
    await account("ann@example.com");
    const disabled = await account("bob@example.com");
    await database.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const answers = [await signIn("nobody@example.com", PASSWORD, "203.0.113.1"), await signIn("ann@example.com", "wrong-password-123", "203.0.113.2"), await signIn("bob@example.com", PASSWORD, "203.0.113.3")];
    expect(answers).toEqual([{ kind: "refused" }, { kind: "refused" }, { kind: "refused" }]);
  });
});

describe("the sign-in throttle", () => {
  it("after the account's limit of failures, refuses even the right password from another address until the window passes, without checking it", async () => {
    const user = await account();
    // The same account, however its email is typed, from three different addresses.
    expect(await signIn("ann@example.com", "wrong-password-1", "203.0.113.1")).toEqual({ kind: "refused" });
    expect(await signIn("ANN@example.com", "wrong-password-2", "203.0.113.2")).toEqual({ kind: "refused" });
    expect(await signIn(" ann@EXAMPLE.com", "wrong-password-3", "203.0.113.3")).toEqual({ kind: "refused" });
    expect(await bucket("sign-in:account:ann@example.com")).toMatchObject({ hits: 3 });

    const throttled = await signIn("ann@example.com", PASSWORD, "203.0.113.4");
    expect(throttled.kind).toBe("throttled");
    const retryAfter = throttled.kind === "throttled" ? throttled.retryAfterSeconds : 0;
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt, "not signed in").toBeNull();
    const audit = await auditRows();
    expect(audit.at(-1)).toEqual({ action: "sign-in.throttled", actorId: null, detail: { email: "ann@example.com" }, ip: "203.0.113.4" });
    expect(audit.map((row) => row.action)).not.toContain("sign-in");
    expect(await bucket("sign-in:account:ann@example.com"), "a throttled attempt is not counted again").toMatchObject({ hits: 3 });

    // Once the window has passed, the password is checked again.
    await database.prisma.rateLimitBucket.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await signIn("ann@example.com", "wrong-password-4", "203.0.113.4")).toEqual({ kind: "refused" });
    expect(await signIn("ann@example.com", PASSWORD, "203.0.113.4")).toMatchObject({ kind: "signed-in" });
  });

  it("after an address's limit of failures, refuses that address on any account, while other addresses are still checked and sign in", async () => {
    await account("ann@example.com");
    for (let i = 0; i < 5; i += 1) expect(await signIn(`guess-${i}@example.com`, "wrong-password", "192.0.2.66")).toEqual({ kind: "refused" });
    expect(await bucket("sign-in:ip:192.0.2.66")).toMatchObject({ hits: 5 });

    expect(await signIn("ann@example.com", PASSWORD, "192.0.2.66")).toMatchObject({ kind: "throttled" });
    expect(await signIn("fresh@example.com", "wrong-password", "192.0.2.66")).toMatchObject({ kind: "throttled" });
    expect(await signIn("ann@example.com", "wrong-password", "192.0.2.67")).toEqual({ kind: "refused" });
    expect(await bucket("sign-in:ip:192.0.2.67")).toMatchObject({ hits: 1 });
    expect(await signIn("ann@example.com", PASSWORD, "192.0.2.67")).toMatchObject({ kind: "signed-in" });
  });

  it("forgets an account's failures when it signs in, so they do not add up across successful sign-ins", async () => {
    await account();
    await signIn("ann@example.com", "wrong-password-1");
    await signIn("ann@example.com", "wrong-password-2");
    expect(await signIn("ann@example.com", PASSWORD)).toMatchObject({ kind: "signed-in" });
    expect(await bucket("sign-in:account:ann@example.com")).toBeNull();

    expect(await signIn("ann@example.com", "wrong-password-3", "203.0.113.20")).toEqual({ kind: "refused" });
    expect(await signIn("ann@example.com", "wrong-password-4", "203.0.113.21")).toEqual({ kind: "refused" });
    expect(await bucket("sign-in:account:ann@example.com")).toMatchObject({ hits: 2 });
    expect(await signIn("ann@example.com", PASSWORD, "203.0.113.22")).toMatchObject({ kind: "signed-in" });
  });

  it("starts a new window, from one failure, once the old one has passed", async () => {
    await account();
    for (let i = 0; i < 3; i += 1) await signIn("ann@example.com", "wrong-password");
    await database.prisma.rateLimitBucket.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await signIn("ann@example.com", "wrong-password", "203.0.113.30")).toEqual({ kind: "refused" });
    const row = await bucket("sign-in:account:ann@example.com");
    expect(row).toMatchObject({ hits: 1 });
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 890_000);
  });

  it("counts failures for an email with no account too, so guessing at accounts is throttled the same way", async () => {
    for (let i = 0; i < 3; i += 1) await signIn("nobody@example.com", "wrong-password", `203.0.113.${40 + i}`);
    expect(await signIn("nobody@example.com", "wrong-password", "203.0.113.50")).toMatchObject({ kind: "throttled" });
  });
});
