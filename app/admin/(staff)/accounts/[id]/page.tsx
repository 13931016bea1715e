import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsultantSettings } from "@/components/admin/consultant-settings";
import { staffForPage } from "@/lib/auth/current-staff";
import { calendarKeyFromConfig } from "@/lib/calendars/calendar-secret";
import { getConfig } from "@/lib/config";
import { getConsultantProfile } from "@/lib/consultants/consultant-profile";
import { getPrisma } from "@/lib/db/database";
import { isUuid } from "@/lib/db/is-uuid";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Hours & calendars" };

export default async function AccountCalendarsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const staff = await staffForPage(`/admin/accounts/${id}`, "ADMIN");
  if (!isUuid(id)) notFound();
  const { notice } = await searchParams;
  const profile = await getConsultantProfile(await getPrisma(), staff, id);
  if (!profile) notFound();
  const config = getConfig();
  return (
    <>
      <p><Link href="/admin/accounts" className="underline">Accounts</Link></p>
      <h1 className="mt-2 text-3xl font-bold">{profile.name}: hours &amp; calendars</h1>
      <ConsultantSettings profile={profile} config={config} notice={notice} encryptionReady={calendarKeyFromConfig(config) !== null} />
    </>
  );
}
