import type { Metadata } from "next";
import Link from "next/link";
import { NewAccountForm } from "@/components/admin/new-account-form";
import { LocalTime } from "@/components/admin/local-time";
import { PostButton } from "@/components/admin/post-button";
import { listAccounts } from "@/lib/auth/accounts";
import { staffForPage } from "@/lib/auth/current-staff";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { setTakesCallsAction } from "../me/actions";
import { changeAccountAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accounts" };

const notices: Record<string, string> = {
  saved: "Saved.",
  "last-admin": "That would leave no enabled admin: make another admin first.",
  invalid: "That change could not be read; try again.",
};

export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const staff = await staffForPage("/admin/accounts", "ADMIN");
  const { notice } = await searchParams;
  const accounts = await listAccounts(await getPrisma(), staff);
  const { FIRM_TIME_ZONE } = getConfig();
  const button = (user: (typeof accounts)[number], change: string, label: string) => (
    <PostButton action={changeAccountAction} fields={{ userId: user.id, email: user.email, change }} label={label} />
  );
  return (
    <>
      <h1 className="text-3xl font-bold">Accounts</h1>
      {notice && notices[notice] ? <p role={notice === "saved" ? "status" : "alert"} className="mt-4 rounded-md border-2 border-slate-500 p-3">{notices[notice]}</p> : null}
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {["Name", "Email", "Role", "Last sign-in", "State", "Calls", ""].map((heading) => <th key={heading} scope="col" className="px-2 py-2">{heading}</th>)}
          </tr>
        </thead>
        <tbody>
          {accounts.map((user) => (
            <tr key={user.id} className="border-b border-slate-200 dark:border-slate-800">
              <td className="px-2 py-2">{user.name}{user.id === staff.id ? " (you)" : ""}</td>
              <td className="px-2 py-2">{user.email}</td>
              <td className="px-2 py-2">{user.role.toLowerCase()}</td>
              <td className="px-2 py-2">{user.lastSignInAt ? <LocalTime iso={user.lastSignInAt.toISOString()} fallbackZone={FIRM_TIME_ZONE} compact /> : "never"}</td>
              <td className="px-2 py-2">{user.disabledAt ? "disabled" : "active"}</td>
              <td className="px-2 py-2">
                <p>{user.takesCalls ? `takes calls, ${user._count.calendars} ${user._count.calendars === 1 ? "calendar" : "calendars"}` : "no"}</p>
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  <PostButton action={setTakesCallsAction} fields={{ userId: user.id, takesCalls: user.takesCalls ? "no" : "yes" }} label={user.takesCalls ? "Stop calls" : "Takes calls"} />
                  <Link href={`/admin/accounts/${user.id}`} className="underline">Hours &amp; calendars<span className="sr-only"> of {user.name}</span></Link>
                </div>
              </td>
              <td className="flex flex-wrap gap-2 px-2 py-2">
                {user.disabledAt ? button(user, "enable", "Enable") : button(user, "disable", "Disable")}
                {user.role === "ADMIN" ? button(user, "make-staff", "Make staff") : button(user, "make-admin", "Make admin")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mt-10 text-xl font-semibold">New account</h2>
      <div className="mt-3"><NewAccountForm /></div>
    </>
  );
}
