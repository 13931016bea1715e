import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsultantSettings } from "@/components/admin/consultant-settings";
import { staffForPage } from "@/lib/auth/current-staff";
import { calendarKeyFromConfig } from "@/lib/calendars/calendar-secret";
import { getConfig } from "@/lib/config";
import { getConsultantProfile } from "@/lib/consultants/consultant-profile";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My hours & calendars" };

export default async function MyCalendarsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const staff = await staffForPage("/admin/me");
  const { notice } = await searchParams;
  const profile = await getConsultantProfile(await getPrisma(), staff, staff.id);
  if (!profile) notFound();
  const config = getConfig();
  return (
    <>
      <h1 className="text-3xl font-bold">My hours &amp; calendars</h1>
      <ConsultantSettings profile={profile} config={config} notice={notice} encryptionReady={calendarKeyFromConfig(config) !== null} />
    </>
  );
}
