import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getConfig } from "@/lib/config";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { APP_URL, FIRM_NAME } = getConfig();
  return {
    metadataBase: new URL(APP_URL),
    title: { default: FIRM_NAME, template: `%s | ${FIRM_NAME}` },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
