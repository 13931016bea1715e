"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestIp, staffForAction } from "@/lib/auth/current-staff";
import { getPrisma } from "@/lib/db/database";
import { LeadStatus } from "@/lib/db/generated/enums";
import { addNote, changeLead, retryEmail } from "@/lib/leads/change-lead";
import { eraseLead } from "@/lib/leads/erase-lead";
import { formFields } from "@/lib/http/form-fields";

const changeSchema = z.object({
  leadId: z.uuid(),
  version: z.coerce.number().int().min(0),
  status: z.enum(LeadStatus).optional(),
  ownerId: z.union([z.uuid(), z.literal("")]).optional(),
});

const back = (leadId: string, notice: string) => redirect(`/admin/leads/${leadId}?notice=${notice}`);

/** Status or owner, from the lead page's forms (plain posts, so they work without JavaScript). */
export async function changeLeadAction(formData: FormData): Promise<void> {
  const staff = await staffForAction();
  const parsed = changeSchema.safeParse(formFields(formData));
  if (!parsed.success) redirect("/admin/leads");
  const { leadId, version, status, ownerId } = parsed.data;
  const change = status ? { status } : { ownerId: ownerId || null };
  const outcome = await changeLead(await getPrisma(), staff, { leadId, version, change, ip: await requestIp() });
  back(leadId, outcome.kind);
}

const noteSchema = z.object({ leadId: z.uuid(), body: z.string().trim().min(1).max(10_000) });

export async function addNoteAction(formData: FormData): Promise<void> {
  const staff = await staffForAction();
  const parsed = noteSchema.safeParse(formFields(formData));
  if (!parsed.success) {
    const leadId = z.uuid().safeParse(formFields(formData).leadId);
    if (leadId.success) back(leadId.data, "empty-note");
    redirect("/admin/leads");
  }
  await addNote(await getPrisma(), staff, { ...parsed.data, ip: await requestIp() });
  back(parsed.data.leadId, "note-added");
}

export async function retryEmailAction(formData: FormData): Promise<void> {
  const staff = await staffForAction();
  const parsed = z.object({ leadId: z.uuid(), outboxId: z.uuid() }).safeParse(formFields(formData));
  if (!parsed.success) redirect("/admin/leads");
  const outcome = await retryEmail(await getPrisma(), staff, { outboxId: parsed.data.outboxId, ip: await requestIp() });
  back(parsed.data.leadId, outcome === "queued" ? "retry-queued" : "unchanged");
}

/** ADMIN: erases the lead's personal data (the page asks first). */
export async function eraseLeadAction(formData: FormData): Promise<void> {
  const staff = await staffForAction("ADMIN");
  const parsed = z.object({ leadId: z.uuid() }).safeParse(formFields(formData));
  if (!parsed.success) redirect("/admin/leads");
  await eraseLead(await getPrisma(), staff, { leadId: parsed.data.leadId, ip: await requestIp() });
  back(parsed.data.leadId, "erased");
}
