import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { getArticles } from "@/lib/articles/load-articles";
import { getConfig } from "@/lib/config";

const description = "Articles on operations leadership, COO and VP of Operations roles, operations strategy and restructuring.";

export function generateMetadata(): Metadata {
  const { APP_URL, FIRM_NAME } = getConfig();
  const url = `${APP_URL}/articles`;
  return {
    title: "Articles",
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: "Articles", description, siteName: FIRM_NAME },
  };
}

export default function ArticlesPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">Articles</h1>
      <p className="mt-3 mb-10 text-lg text-slate-700 dark:text-slate-300">{description}</p>
      <ArticleList articles={getArticles()} headingLevel="h2" />
    </div>
  );
}
