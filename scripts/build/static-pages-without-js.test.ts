import { describe, expect, it } from "vitest";
import { isReaderPage, withoutScripts } from "./static-pages-without-js";

// The shape of a page `next build` prerenders (Next 16, Turbopack), cut short.
const page =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/295a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310v.js"/>' +
  '<link rel="modulepreload" href="/_next/static/chunks/3-rh.js"/>' +
  '<script src="/_next/static/chunks/3-rh.js" async=""></script>' +
  '<link rel="canonical" href="https://example.com/articles/a"/>' +
  '<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>' +
  '<script src="/_next/static/chunks/0cz1.js" noModule=""></script></head>' +
  '<body><div hidden=""><!--$--><!--/$--></div><main><h1>An article</h1><p>Its text.</p></main>' +
  '<script type="application/ld+json">{"@type":"Article"}</script>' +
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script>"])</script></body></html>';

describe("withoutScripts", () => {
  const html = withoutScripts(page);

  it("takes out every script the browser would run, and the RSC payload", () => {
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain("TURBOPACK");
  });

  it("takes out the links that preload scripts, and only those", () => {
    expect(html).not.toMatch(/\.js"/);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/295a.css" data-precedence="next"/>');
    expect(html).toContain('<link rel="canonical" href="https://example.com/articles/a"/>');
    expect(html).toContain('<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>');
  });

  it("keeps the page itself and its structured data", () => {
    expect(html).toContain('<main><h1>An article</h1><p>Its text.</p></main>');
    expect(html).toContain('<script type="application/ld+json">{"@type":"Article"}</script>');
    expect(html.endsWith("</body></html>")).toBe(true);
  });
});

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
