import Link from "next/link";
import type { Article } from "@/lib/articles/article-schema";
import { ArticleDate } from "./article-date";

export function ArticleList({ articles, headingLevel }: { articles: Article[]; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {articles.map((article) => (
        <li key={article.slug} className="py-6 first:pt-0">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <ArticleDate date={article.publishedAt} />
          </p>
          <Heading className="mt-1 text-xl font-semibold tracking-tight text-slate-900 dark:text-white">
            <Link href={`/articles/${article.slug}`} className="hover:underline hover:underline-offset-4">
              {article.title}
            </Link>
          </Heading>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{article.description}</p>
        </li>
      ))}
    </ul>
  );
}
