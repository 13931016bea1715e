"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AccountError, changeRole, createAccount, disableAccount, enableAccount } from "@/lib/auth/accounts";
import { requestIp, staffForAction } from "@/lib/auth/current-staff";
import { assertStaff, type Staff } from "@/lib/auth/verify-staff";
import { getPrisma } from "@/lib/db/database";
import type { AccountFormState } from "@/lib/auth/account-form-state";
import { formFields } from "@/lib/http/form-fields";

async function asAdmin<T>(work: (staff: Staff, ip: string) => Promise<T>): Promise<T> {
  const staff = await staffForAction("ADMIN");
  assertStaff(staff, "ADMIN");
  return work(staff, await requestIp());
}

const createSchema = z.object({ email: z.email("Enter an email address"), name: z.string().trim().min(1, "Enter a name").max(100), role: z.enum(["ADMIN", "STAFF"]) });

export async function createAccountAction(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  return asAdmin(async (staff, ip) => {
    const fields = formFields(formData);
    const values = { email: String(fields.email ?? ""), name: String(fields.name ?? ""), role: String(fields.role ?? "STAFF") };
    const parsed = createSchema.safeParse(values);
    if (!parsed.success) return { values, errors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message])) };
    const db = await getPrisma();
    try {
      const account = await createAccount(db, parsed.data);
      await recordAuditEvent(db, { actorId: staff.id, action: "account.create", detail: { email: account.email, role: account.role }, ip });
      return { values: { email: "", name: "", role: "STAFF" }, errors: {}, created: { email: account.email, password: account.password } };
    } catch (error) {
      if (error instanceof AccountError) return { values, errors: { email: error.message } };
      throw error;
    }
  });
}

const accountChange = z.object({ userId: z.uuid(), email: z.email(), change: z.enum(["disable", "enable", "make-admin", "make-staff"]) });

export async function changeAccountAction(formData: FormData): Promise<void> {
  const notice = await asAdmin(async (staff, ip) => {
    const parsed = accountChange.safeParse(formFields(formData));
    if (!parsed.success) return "invalid";
    const { userId, email, change } = parsed.data;
    const db = await getPrisma();
    try {
      if (change === "disable") await disableAccount(db, email);
      else if (change === "enable") await enableAccount(db, email);
      else await changeRole(db, userId, change === "make-admin" ? "ADMIN" : "STAFF");
    } catch (error) {
      if (error instanceof AccountError) return "last-admin";
      throw error;
    }
    await recordAuditEvent(db, { actorId: staff.id, action: `account.${change}`, detail: { email }, ip });
    return "saved";
  });
  redirect(`/admin/accounts?notice=${notice}`);
}
