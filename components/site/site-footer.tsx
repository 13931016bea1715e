import Link from "next/link";
import { getConfig } from "@/lib/config";

export function SiteFooter() {
  const { FIRM_NAME, FIRM_EMAIL, FIRM_PHONE, FIRM_ADDRESS } = getConfig();
  return (
    <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto grid max-w-5xl gap-4 px-4 py-8 sm:grid-cols-2 sm:px-6">
        <div className="space-y-1">
          <p className="font-semibold text-slate-900 dark:text-white">{FIRM_NAME}</p>
          <p>Operations consulting for business owners and executives.</p>
        </div>
        <address className="space-y-1 not-italic sm:text-right">
          <p>
            <a href={`mailto:${FIRM_EMAIL}`} className="underline underline-offset-2 hover:text-slate-900 dark:hover:text-white">
              {FIRM_EMAIL}
            </a>
          </p>
          {FIRM_PHONE && (
            <p>
              <a href={`tel:${FIRM_PHONE.replace(/[^\d+]/g, "")}`} className="underline underline-offset-2 hover:text-slate-900 dark:hover:text-white">
                {FIRM_PHONE}
              </a>
            </p>
          )}
          {FIRM_ADDRESS && <p>{FIRM_ADDRESS}</p>}
        </address>
        <p className="flex flex-wrap gap-x-4 sm:col-span-2">
          <span>
            © {new Date().getFullYear()} {FIRM_NAME}
          </span>
          <Link href="/privacy" className="underline underline-offset-2 hover:text-slate-900 dark:hover:text-white">
            Privacy
          </Link>
        </p>
      </div>
    </footer>
  );
}
