import Link from "next/link";
import { getConfig } from "@/lib/config";

export function SiteHeader() {
  const { FIRM_NAME } = getConfig();
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
          {FIRM_NAME}
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm font-medium">
            <li>
              <Link href="/articles" className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white">
                Articles
              </Link>
            </li>
            <li>
              <Link
                href="/book"
                className="rounded-lg bg-emerald-700 px-3 py-2 text-white hover:bg-emerald-800 dark:bg-emerald-400 dark:text-slate-950 dark:hover:bg-emerald-300"
              >
                Book a consultation
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
