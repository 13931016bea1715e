import type { MetadataRoute } from "next";
import { getArticles } from "@/lib/articles/load-articles";
import { articleUrl } from "@/lib/articles/article-url";
import { getConfig } from "@/lib/config";

export default function sitemap(): MetadataRoute.Sitemap {
  const { APP_URL } = getConfig();
  const articles = getArticles();
  const newestUpdate = articles.map((article) => article.updatedAt).sort().at(-1);
  return [
    { url: APP_URL, lastModified: newestUpdate },
    { url: `${APP_URL}/articles`, lastModified: newestUpdate },
    { url: `${APP_URL}/book` },
    { url: `${APP_URL}/privacy` },
    ...articles.map((article) => ({ url: articleUrl(article.slug), lastModified: article.updatedAt })),
  ];
}
