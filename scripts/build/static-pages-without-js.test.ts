import { describe, expect, it } from "vitest";
import { isReaderPage } from "./static-pages-without-js";

describe("isReaderPage", () => {
  it("is the home page, the article list, each article and the privacy notice", () => {
    for (const route of ["/", "/articles", "/articles/vp-of-operations-vs-coo", "/privacy"]) expect(isReaderPage(route), route).toBe(true);
  });

  it("is not the 404 page, an article's image, or anything else prerendered", () => {
    for (const route of ["/_not-found", "/_global-error", "/articles/a/opengraph-image", "/sitemap.xml", "/robots.txt", "/manifest.webmanifest", "/icon.svg"]) {
      expect(isReaderPage(route), route).toBe(false);
    }
  });
});
