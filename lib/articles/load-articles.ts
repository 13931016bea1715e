import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "./article-schema";
import { parseArticle } from "./parse-article";

const articlesDir = path.join(process.cwd(), "content", "articles");

/** The articles in `dir` (content/articles unless a test says otherwise), newest first. Read at build time. */
export function getArticles(dir = articlesDir): Article[] {
  return readdirSync(dir)
    .filter((fileName) => fileName.endsWith(".md"))
    .map((fileName) => parseArticle(fileName, readFileSync(path.join(dir, fileName), "utf8")))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.title.localeCompare(b.title));
}

export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}
