import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { currentStaff } from "@/lib/auth/current-staff";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await currentStaff()) redirect(target);
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">{getConfig().FIRM_NAME}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Staff sign-in</h1>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
