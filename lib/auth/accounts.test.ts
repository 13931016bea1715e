import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { AccountError, createAccount, createDemoAdminIfNone, disableAccount, setPassword } from "./accounts";
import { verifyPassword } from "./password";
import { verifyStaff } from "./verify-staff";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "User", "AuditEvent", "RateLimitBucket" CASCADE`);
});

const PASSWORD = "a-long-password-123";
const userRow = (email: string) => database.prisma.user.findUniqueOrThrow({ where: { email } });
const create = (email: string, role: "ADMIN" | "STAFF" = "STAFF") => createAccount(database.prisma, { email, role, password: PASSWORD });

describe("creating an account", () => {
  it("with no password, generates one, returns it once and stores only its hash", async () => {
    const created = await createAccount(database.prisma, { email: "ann@example.com" });
    expect(created).toMatchObject({ email: "ann@example.com", role: "STAFF", generated: true });
    expect(created.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const row = await userRow("ann@example.com");
    expect(row.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(row.passwordHash, created.password)).toBe(true);
    expect(row).toMatchObject({ id: created.id, name: "ann", role: "STAFF", disabledAt: null, sessionVersion: 0 });
  });

  it("with a password, keeps the one given", async () => {
    const created = await createAccount(database.prisma, { email: "bob@example.com", name: "Bob Builder", role: "ADMIN", password: PASSWORD });
    expect(created).toMatchObject({ role: "ADMIN", password: PASSWORD, generated: false });
    const row = await userRow("bob@example.com");
    expect(row.name).toBe("Bob Builder");
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
  });

  it("stores the email in lower case, and refuses the same email in another case as a duplicate", async () => {
    const created = await create("Jane.Doe@Example.COM");
    expect(created.email).toBe("jane.doe@example.com");
    expect((await userRow("jane.doe@example.com")).name).toBe("jane.doe");

    await expect(create("JANE.DOE@example.com")).rejects.toThrow(AccountError);
    await expect(create("jane.doe@example.com")).rejects.toThrow("An account for jane.doe@example.com already exists.");
    expect(await database.prisma.user.count()).toBe(1);
  });

  it("refuses a password shorter than 12 characters, or no email at all, and creates nothing", async () => {
    await expect(createAccount(database.prisma, { email: "ann@example.com", password: "short-pass1" })).rejects.toThrow();
    await expect(createAccount(database.prisma, { email: "not-an-email", password: PASSWORD })).rejects.toThrow();
    expect(await database.prisma.user.count()).toBe(0);
  });
});

describe("disabling an account", () => {
  it("marks it disabled and ends its sessions", async () => {
    await create("admin@example.com", "ADMIN");
    const staff = await create("ann@example.com");
    expect(await verifyStaff(database.prisma, { sub: staff.id, role: "STAFF", sv: 0 })).not.toBeNull();

    await disableAccount(database.prisma, "Ann@Example.com");
    const row = await userRow("ann@example.com");
    expect(row.disabledAt).toBeInstanceOf(Date);
    expect(row.sessionVersion).toBe(1);
    expect(await verifyStaff(database.prisma, { sub: staff.id, role: "STAFF", sv: 0 }), "the old session").toBeNull();
    expect(await verifyStaff(database.prisma, { sub: staff.id, role: "STAFF", sv: 1 }), "even a session of the new version").toBeNull();
  });

  it("never disables the last enabled admin", async () => {
    await create("staff@example.com");
    await create("only-admin@example.com", "ADMIN");
    await expect(disableAccount(database.prisma, "only-admin@example.com")).rejects.toThrow(AccountError);
    expect(await userRow("only-admin@example.com")).toMatchObject({ disabledAt: null, sessionVersion: 0 });
  });

  it("disables an admin while another is enabled, and then refuses the other, since a disabled admin does not count", async () => {
    await create("first@example.com", "ADMIN");
    await create("second@example.com", "ADMIN");
    await disableAccount(database.prisma, "first@example.com");
    expect((await userRow("first@example.com")).disabledAt).not.toBeNull();
    await expect(disableAccount(database.prisma, "second@example.com")).rejects.toThrow("last enabled admin");
    expect((await userRow("second@example.com")).disabledAt).toBeNull();
  });

  it("keeps the first disabling time when disabled again", async () => {
    await create("admin@example.com", "ADMIN");
    await create("ann@example.com");
    await disableAccount(database.prisma, "ann@example.com");
    const first = (await userRow("ann@example.com")).disabledAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await disableAccount(database.prisma, "ann@example.com");
    expect((await userRow("ann@example.com")).disabledAt).toEqual(first);
  });

  it("says so for an email with no account", async () => {
    await expect(disableAccount(database.prisma, "nobody@example.com")).rejects.toThrow(AccountError);
  });
});

describe("setting a password", () => {
  it("replaces the old password with the new one and ends the account's sessions", async () => {
    const user = await create("ann@example.com");
    const outcome = await setPassword(database.prisma, "ANN@example.com", "another-long-password");
    expect(outcome).toEqual({ password: "another-long-password", generated: false });
    const row = await userRow("ann@example.com");
    expect(await verifyPassword(row.passwordHash, "another-long-password")).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    expect(row.sessionVersion).toBe(1);
    expect(await verifyStaff(database.prisma, { sub: user.id, role: "STAFF", sv: 0 })).toBeNull();
    expect(await verifyStaff(database.prisma, { sub: user.id, role: "STAFF", sv: 1 })).toMatchObject({ id: user.id });
  });

  it("generates one when none is given", async () => {
    await create("ann@example.com");
    const outcome = await setPassword(database.prisma, "ann@example.com");
    expect(outcome.generated).toBe(true);
    expect(outcome.password).toHaveLength(20);
    expect(await verifyPassword((await userRow("ann@example.com")).passwordHash, outcome.password)).toBe(true);
  });

  it("refuses a password that is too short, keeping the old one and the sessions", async () => {
    await create("ann@example.com");
    await expect(setPassword(database.prisma, "ann@example.com", "short")).rejects.toThrow();
    const row = await userRow("ann@example.com");
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(row.sessionVersion).toBe(0);
  });

  it("says so for an email with no account", async () => {
    await expect(setPassword(database.prisma, "nobody@example.com", "another-long-password")).rejects.toThrow(AccountError);
  });
});

describe("the demo admin", () => {
  it("is created, once, when there is no account at all", async () => {
    const demo = await createDemoAdminIfNone(database.prisma);
    expect(demo).toMatchObject({ email: "admin@example.com" });
    const row = await userRow("admin@example.com");
    expect(row).toMatchObject({ role: "ADMIN", name: "Demo admin", disabledAt: null });
    expect(await verifyPassword(row.passwordHash, demo!.password)).toBe(true);

    expect(await createDemoAdminIfNone(database.prisma)).toBeNull();
    expect(await database.prisma.user.count()).toBe(1);
  });

  it("is not created when any account exists, even a disabled staff member", async () => {
    await create("ann@example.com");
    await database.prisma.user.updateMany({ data: { disabledAt: new Date() } });
    expect(await createDemoAdminIfNone(database.prisma)).toBeNull();
    expect(await database.prisma.user.count()).toBe(1);
  });
});
