import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminChrome } from "@/components/admin/admin-chrome";
import { currentStaff } from "@/lib/auth/current-staff";

export const metadata: Metadata = { title: { default: "Admin", template: "%s | Admin" }, robots: { index: false, follow: false } };

// Each page and action checks the session itself; the frame only shows who is signed in.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  return <AdminChrome staff={await currentStaff()}>{children}</AdminChrome>;
}
