import { describe, expect, it } from "vitest";
import { parseArticle } from "./parse-article";

const frontMatter = {
  title: "A title",
  description: "A description long enough to satisfy the schema's lower bound of fifty.",
  slug: "a-title",
  publishedAt: "2026-11-25",
  updatedAt: "2026-11-25",
  keyword: "a keyword",
  author: "Someone",
};

const source = (fields: Record<string, string | undefined>, body = "Hello *world*.") =>
  [
    "---",
    ...Object.entries({ ...frontMatter, ...fields })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}: ${value}`),
    "---",
    body,
  ].join("\n");

describe("parseArticle", () => {
  it("returns the front matter and the body as HTML", () => {
    expect(parseArticle("a-title.md", source({}))).toEqual({ ...frontMatter, html: "<p>Hello <em>world</em>.</p>\n" });
  });

  it("accepts unquoted YAML dates as calendar days", () => {
    expect(parseArticle("a-title.md", source({ publishedAt: "2026-01-02" })).publishedAt).toBe("2026-01-02");
  });

  it("names the file and the missing field", () => {
    expect(() => parseArticle("a-title.md", source({ description: undefined }))).toThrow(/a-title\.md[\s\S]*description/);
  });

  it("names the field with a badly written date", () => {
    expect(() => parseArticle("a-title.md", source({ updatedAt: "25/11/2026" }))).toThrow(/updatedAt: a date written YYYY-MM-DD/);
  });

  it("refuses an update dated before publication", () => {
    expect(() => parseArticle("a-title.md", source({ updatedAt: "2026-01-01" }))).toThrow(/updatedAt: must not be earlier/);
  });

  it("refuses a slug that differs from the file name", () => {
    expect(() => parseArticle("other-name.md", source({}))).toThrow(/other-name\.md[\s\S]*slug/);
  });
});
