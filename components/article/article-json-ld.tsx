import type { Article } from "@/lib/articles/article-schema";
import { articleImageUrl, articleUrl } from "@/lib/articles/article-url";
import { getConfig } from "@/lib/config";

export function ArticleJsonLd({ article }: { article: Article }) {
  const { APP_URL, FIRM_NAME } = getConfig();
  const url = articleUrl(article.slug);
  const firm = { "@type": "Organization", name: FIRM_NAME, url: APP_URL };
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: article.title,
    description: article.description,
    keywords: article.keyword,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: article.author === FIRM_NAME ? firm : { "@type": "Person", name: article.author },
    publisher: firm,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    image: articleImageUrl(article.slug),
    inLanguage: "en",
  };
  return (
    <script
      type="application/ld+json"
      // "<" escaped so no string in the data can close the script element.
      dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
    />
  );
}
