import { describe, expect, it } from "vitest";
import { withoutScripts } from "./without-scripts";

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
