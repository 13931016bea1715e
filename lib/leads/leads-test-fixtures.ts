import { randomBytes } from "node:crypto";
import { createAccount } from "../auth/accounts";
import { verifyStaff, type Staff } from "../auth/verify-staff";
import type { Prisma, PrismaClient, StaffRole } from "../db/generated/client";

// Builders for the admin's tests: leads written straight to the table, and signed-in staff.

let leads = 0;
let accounts = 0;

export const TEST_PASSWORD = "a-long-password-123";

/** A lead's row, each call a person of their own; `overrides` replace any field. */
export function leadData(overrides: Partial<Prisma.LeadUncheckedCreateInput> = {}): Prisma.LeadUncheckedCreateInput {
  leads += 1;
  return {
    reference: `OPS-${leads.toString(36).toUpperCase().padStart(6, "0")}`,
    formToken: `test-form-${leads}-${randomBytes(6).toString("hex")}`,
    fullName: `Lead Person ${leads}`,
    email: `lead-${leads}@example.com`,
    company: `Company ${leads}`,
    companySize: "SIZE_11_50",
    topic: "DEFINE_ROLE",
    timeZone: "America/New_York",
    consentAt: new Date(),
    ...overrides,
  };
}

export const createLead = (db: PrismaClient, overrides: Partial<Prisma.LeadUncheckedCreateInput> = {}) => db.lead.create({ data: leadData(overrides) });

/** An account, signed in: the Staff object the data layer accepts. */
export async function staffMember(db: PrismaClient, role: StaffRole = "STAFF", name?: string) {
  accounts += 1;
  const user = await createAccount(db, { email: `${role.toLowerCase()}-${accounts}-${randomBytes(3).toString("hex")}@example.com`, role, name, password: TEST_PASSWORD });
  const staff: Staff | null = await verifyStaff(db, { sub: user.id, role, sv: 0 });
  if (!staff) throw new Error("verifyStaff refused a new account");
  return { ...user, staff };
}
