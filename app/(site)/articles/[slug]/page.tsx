import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleDate } from "@/components/article/article-date";
import { ArticleJsonLd } from "@/components/article/article-json-ld";
import { ConsultationCta } from "@/components/article/consultation-cta";
import { getArticle, getArticles } from "@/lib/articles/load-articles";
import { articleUrl } from "@/lib/articles/article-url";
import { getConfig } from "@/lib/config";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles().map(({ slug }) => ({ slug }));
}

async function articleFor({ params }: Props) {
  const article = getArticle((await params).slug);
  if (!article) notFound();
  return article;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await articleFor(props);
  const url = articleUrl(article.slug);
  return {
    title: article.title,
    description: article.description,
    keywords: [article.keyword],
    authors: [{ name: article.author }],
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.description,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      authors: [article.author],
      siteName: getConfig().FIRM_NAME,
      locale: "en_US",
    },
    twitter: { card: "summary_large_image", title: article.title, description: article.description },
  };
}

export default async function ArticlePage(props: Props) {
  const article = await articleFor(props);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6 sm:py-14">
      <ArticleJsonLd article={article} />
      <article className="prose prose-slate max-w-none sm:prose-lg dark:prose-invert prose-headings:tracking-tight prose-a:text-emerald-700 prose-a:underline-offset-2 dark:prose-a:text-emerald-400">
        <header className="not-prose mb-8">
          <h1 className="text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl dark:text-white">
            {article.title}
          </h1>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            By {article.author} · <ArticleDate date={article.publishedAt} />
            {article.updatedAt !== article.publishedAt && (
              <>
                {" "}
                · Updated <ArticleDate date={article.updatedAt} />
              </>
            )}
          </p>
        </header>
        <div dangerouslySetInnerHTML={{ __html: article.html }} />
      </article>
      <ConsultationCta />
    </div>
  );
}
