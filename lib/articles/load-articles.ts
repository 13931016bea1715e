import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "./article-schema";
import { parseArticle } from "./parse-article";

const articlesDir = path.join(process.cwd(), "content", "articles");

export const newestFirst = (a: Article, b: Article) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.title.localeCompare(b.title);

/** Every article in content/articles, newest first. Read at build time; the pages using it are static. */
export function getArticles(): Article[] {
  return readdirSync(articlesDir)
    .filter((fileName) => fileName.endsWith(".md"))
    .map((fileName) => parseArticle(fileName, readFileSync(path.join(articlesDir, fileName), "utf8")))
    .sort(newestFirst);
}

export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}
