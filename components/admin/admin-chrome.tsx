import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/admin/actions";
import type { Staff } from "@/lib/auth/verify-staff";

const links = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/leads", label: "Leads" },
  { href: "/admin/mailbox", label: "Mailbox" },
  { href: "/admin/me", label: "My hours & calendars" },
];
const adminLinks = [
  { href: "/admin/accounts", label: "Accounts" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin's frame: where you are, where else to go, who is signed in, and the way out. */
export function AdminChrome({ staff, children }: { staff: Staff | null; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="border-b border-slate-300 dark:border-slate-700">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="font-bold">Admin</span>
          <nav aria-label="Admin">
            <ul className="flex flex-wrap gap-4">
              {[...links, ...(staff?.role === "ADMIN" ? adminLinks : [])].map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="underline-offset-4 hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {staff ? (
            <form action={signOutAction} className="ml-auto flex items-center gap-3 text-sm">
              <span>
                {staff.name} ({staff.role === "ADMIN" ? "admin" : "staff"})
              </span>
              <button type="submit" className="rounded border border-slate-500 px-3 py-1 font-medium">
                Sign out
              </button>
            </form>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
