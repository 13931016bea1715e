import { z } from "zod";

/** YAML reads an unquoted 2026-11-25 as a Date; either spelling means the same calendar day. */
const calendarDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: "a date written YYYY-MM-DD" }),
);

export const articleFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().min(50, "at least 50 characters, for search results").max(170, "at most 170 characters, or search engines cut it"),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
    publishedAt: calendarDate,
    updatedAt: calendarDate,
    keyword: z.string().trim().min(1),
    author: z.string().trim().min(1),
  })
  .refine((article) => article.updatedAt >= article.publishedAt, {
    path: ["updatedAt"],
    message: "must not be earlier than publishedAt",
  });

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export type Article = ArticleFrontMatter & { html: string };
