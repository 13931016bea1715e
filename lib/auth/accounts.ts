import { z } from "zod";
import type { PrismaClient, StaffRole } from "../db/generated/client";
import { isUniqueViolation } from "../db/prisma-errors";
import { normalizeEmail } from "./authenticate";
import { endSessions } from "./end-sessions";
import { assertStaff, type Staff } from "./verify-staff";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export const accountSchema = z.object({
  email: z.email("an email address").transform(normalizeEmail),
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(["ADMIN", "STAFF"]).default("STAFF"),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024).optional(),
});
export type AccountInput = z.input<typeof accountSchema>;

export class AccountError extends Error {}

/** Creates a staff account; without a password, generates one and returns it (to be shown once). */
export async function createAccount(db: PrismaClient, input: AccountInput): Promise<{ id: string; email: string; role: StaffRole; password: string; generated: boolean }> {
  const account = accountSchema.parse(input);
  const password = account.password ?? generatePassword();
  try {
    const user = await db.user.create({
      data: { email: account.email, name: account.name ?? account.email.split("@")[0]!, role: account.role, passwordHash: await hashPassword(password) },
    });
    return { id: user.id, email: user.email, role: user.role, password, generated: account.password === undefined };
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new AccountError(`An account for ${account.email} already exists.`);
    throw error;
  }
}

async function findAccount(db: PrismaClient, email: string) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user) throw new AccountError(`No account has the email ${email}.`);
  return user;
}

/** Disables an account and ends its sessions; never the last enabled admin. */
export async function disableAccount(db: PrismaClient, email: string): Promise<void> {
  const user = await findAccount(db, email);
  if (user.role === "ADMIN" && !user.disabledAt) {
    const admins = await db.user.count({ where: { role: "ADMIN", disabledAt: null } });
    if (admins <= 1) throw new AccountError("That is the last enabled admin: make another admin first.");
  }
  await db.user.update({ where: { id: user.id }, data: { disabledAt: user.disabledAt ?? new Date() } });
  await endSessions(db, user.id);
}

/** Sets a new password (generated when none is given) and ends the account's sessions. */
export async function setPassword(db: PrismaClient, email: string, password?: string): Promise<{ password: string; generated: boolean }> {
  const user = await findAccount(db, email);
  const chosen = password === undefined ? generatePassword() : accountSchema.shape.password.parse(password)!;
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(chosen) } });
  await endSessions(db, user.id);
  return { password: chosen, generated: password === undefined };
}

/** The embedded default's first run: an admin to sign in with, when there is no account at all. */
export async function createDemoAdminIfNone(db: PrismaClient): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const created = await createAccount(db, { email: "admin@example.com", name: "Demo admin", role: "ADMIN" });
  return { email: created.email, password: created.password };
}

/** Changes an account's role; never demotes the last enabled admin. */
export async function changeRole(db: PrismaClient, userId: string, role: StaffRole): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AccountError("No such account.");
  if (user.role === "ADMIN" && role !== "ADMIN" && !user.disabledAt) {
    const admins = await db.user.count({ where: { role: "ADMIN", disabledAt: null } });
    if (admins <= 1) throw new AccountError("That is the last enabled admin: make another admin first.");
  }
  await db.user.update({ where: { id: userId }, data: { role } });
}

/** Turns a disabled account back on (its old sessions stay ended). */
export async function enableAccount(db: PrismaClient, email: string): Promise<void> {
  const user = await findAccount(db, email);
  await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
}

export async function listAccounts(db: PrismaClient, staff: Staff) {
  assertStaff(staff, "ADMIN");
  return db.user.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }], select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, takesCalls: true, _count: { select: { calendars: true } } } });
}
