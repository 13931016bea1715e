import type { Metadata } from "next";
import Link from "next/link";
import { SiteChrome } from "@/components/site/site-chrome";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Page not found" };

// Rendered by the root layout, outside the (site) group, so it brings the site's chrome itself.
export default function NotFound() {
  return (
    <SiteChrome>
      <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
        <p className="text-sm font-semibold text-emerald-700 dark:text-emerald-400">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
          We can’t find that page
        </h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          The link may be out of date, or the address mistyped. These will get you back on track:
        </p>
        <ul className="mt-6 list-disc space-y-2 pl-5 text-emerald-700 dark:text-emerald-400">
          <li>
            <Link href="/" className="underline underline-offset-2">
              Go to the home page
            </Link>
          </li>
          <li>
            <Link href="/articles" className="underline underline-offset-2">
              Browse our articles
            </Link>
          </li>
        </ul>
        <div className="mt-8">
          <ButtonLink href="/book">Book a consultation</ButtonLink>
        </div>
      </div>
    </SiteChrome>
  );
}
