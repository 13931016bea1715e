import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getArticle, getArticles, newestFirst } from "./load-articles";

const sourceLines = readFileSync(path.join(process.cwd(), "e2e", "fixtures", "vp-of-operations-vs-coo.txt"), "utf8").split("\n");
const [title, ...rest] = sourceLines;
const keyword = rest.at(-1)!;
const headings = [
  "Understanding the VP of Operations Role",
  "Unveiling the Role of a COO",
  "Collaborative Efforts: VP of Operations and COO",
  "The Bottom Line",
];
const paragraphs = rest.slice(0, -1).filter((line) => !headings.includes(line));

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!);
const elementTexts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => textOf(match[1]!));

describe("the VP of Operations vs COO article", () => {
  const article = getArticle("vp-of-operations-vs-coo");

  it("has the source's title and keyword in its front matter", () => {
    expect(article?.title).toBe(title);
    expect(article?.keyword).toBe(keyword);
  });

  it("renders every paragraph of the source word for word, in order", () => {
    expect(elementTexts(article!.html, "p")).toEqual(paragraphs);
  });

  it("renders the four section headings as h2, in order", () => {
    expect(elementTexts(article!.html, "h2")).toEqual(headings);
  });

  it("does not put the keyword line in the body", () => {
    expect(textOf(article!.html).toLowerCase()).not.toContain(keyword.toLowerCase());
  });

  it("links the consulting phrase to the booking page", () => {
    expect(article!.html).toContain(
      `<a href="/book">consult with the experts at SmallBusiness.Management&#39;s Business Consulting services</a>`,
    );
  });
});

describe("getArticles", () => {
  it("lists every article in content/articles", () => {
    expect(getArticles().map((article) => article.slug)).toContain("vp-of-operations-vs-coo");
  });

  it("finds no article for an unknown slug", () => {
    expect(getArticle("no-such-article")).toBeUndefined();
  });
});

describe("newestFirst", () => {
  const dated = (slug: string, publishedAt: string) => ({ ...getArticle("vp-of-operations-vs-coo")!, slug, publishedAt });

  it("puts the most recently published first", () => {
    const articles = [dated("older", "2025-01-10"), dated("newest", "2026-03-01"), dated("middle", "2025-06-30")];
    expect(articles.sort(newestFirst).map((article) => article.slug)).toEqual(["newest", "middle", "older"]);
  });
});
