import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { ButtonLink } from "@/components/ui/button-link";
import { getArticles } from "@/lib/articles/load-articles";
import { getConfig } from "@/lib/config";

const description =
  "Operations consulting for business owners and executives: defining the COO and VP of Operations roles, operations strategy, process efficiency and restructuring.";

export function generateMetadata(): Metadata {
  const { APP_URL, FIRM_NAME } = getConfig();
  const title = `${FIRM_NAME}: operations consulting for owners and executives`;
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: APP_URL },
    openGraph: { type: "website", url: APP_URL, title, description, siteName: FIRM_NAME },
  };
}

const services = [
  {
    title: "Define the COO and VP of Operations roles",
    body: "Decide which role you need now, what each one owns, and how it works with the CEO and the rest of the leadership team.",
  },
  {
    title: "Operations strategy",
    body: "Turn company goals into an operating plan with clear priorities, owners and measures everyone can follow.",
  },
  {
    title: "Process and efficiency",
    body: "Find where work stalls, repeats or falls between teams, and streamline workflows, resources and hand-offs.",
  },
  {
    title: "Restructuring",
    body: "Reshape teams and reporting lines so the organization fits where the business is going, not where it has been.",
  },
];

export default function HomePage() {
  const articles = getArticles();
  return (
    <div className="mx-auto max-w-5xl px-4 sm:px-6">
      <section className="py-14 sm:py-20">
        <p className="text-sm font-semibold uppercase tracking-wider text-emerald-700 dark:text-emerald-400">
          Operations consulting
        </p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl dark:text-white">
          Run your operations with clear roles and a plan that holds
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          We work with business owners and executives to decide who leads operations and how: defining the COO and VP of
          Operations roles, setting an operations strategy, fixing the processes that slow you down, and restructuring
          when the company has outgrown its shape.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/book">Book a consultation</ButtonLink>
          <ButtonLink href="/articles" variant="secondary">
            Read our articles
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="services-title" className="border-t border-slate-200 py-12 dark:border-slate-800">
        <h2 id="services-title" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          How we help
        </h2>
        <ul className="mt-6 grid gap-6 sm:grid-cols-2">
          {services.map((service) => (
            <li key={service.title} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
              <h3 className="font-semibold text-slate-900 dark:text-white">{service.title}</h3>
              <p className="mt-2 text-slate-700 dark:text-slate-300">{service.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="articles-title" className="border-t border-slate-200 py-12 dark:border-slate-800">
        <h2 id="articles-title" className="mb-6 text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          Articles
        </h2>
        <ArticleList articles={articles} headingLevel="h3" />
      </section>
    </div>
  );
}
