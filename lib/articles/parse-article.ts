import matter from "gray-matter";
import { Marked } from "marked";
import { articleFrontMatterSchema, type Article } from "./article-schema";

export class ArticleError extends Error {
  constructor(fileName: string, problems: string[]) {
    super(`Invalid article ${fileName}:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ArticleError";
  }
}

const markdown = new Marked({ gfm: true });

/** One Markdown file with YAML front matter, validated, its body rendered to HTML. */
export function parseArticle(fileName: string, source: string): Article {
  const { data, content } = matter(source);
  const result = articleFrontMatterSchema.safeParse(data);
  if (!result.success) {
    throw new ArticleError(
      fileName,
      result.error.issues.map((issue) => `${issue.path.join(".") || "front matter"}: ${issue.message}`),
    );
  }
  const expectedSlug = fileName.replace(/\.md$/, "");
  if (result.data.slug !== expectedSlug) {
    throw new ArticleError(fileName, [`slug: "${result.data.slug}" must match the file name "${expectedSlug}"`]);
  }
  return { ...result.data, html: markdown.parse(content, { async: false }) };
}
