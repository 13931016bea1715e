import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// A reader's page needs no React: the prerendered article, home, article list and privacy notice
// are whole in their HTML and already work without JavaScript. This step, run right after
// `next build`, takes out of their HTML every script (the framework's chunks, the inline RSC
// payload that repeats the page's text, the bootstrap) and the links that preload scripts, so a
// browser that opens one gets plain HTML and CSS. Next still serves the pages' `.rsc` payloads
// untouched, so a client-side navigation from a page that has React (such as /book) still works.

/** The prerendered pages served without scripts: their paths as in the prerender manifest. */
export function isReaderPage(route: string): boolean {
  return route === "/" || route === "/articles" || route === "/privacy" || /^\/articles\/[^/]+$/.test(route);
}

const script = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const link = /<link\b([^>]*)>/gi;
const isDataBlock = (attributes: string) => /\btype="application\/ld\+json"/i.test(attributes);
const preloadsScript = (attributes: string) =>
  /\brel="modulepreload"/i.test(attributes) || (/\brel="preload"/i.test(attributes) && /\bas="script"/i.test(attributes));

/** The page without anything that runs or fetches a script; data blocks (`application/ld+json`) stay. */
export function withoutScripts(html: string): string {
  return html
    .replace(script, (tag, attributes: string) => (isDataBlock(attributes) ? tag : ""))
    .replace(link, (tag, attributes: string) => (preloadsScript(attributes) ? "" : tag));
}

/** Rewrites the reader pages' prerendered HTML in `distDir`; returns the routes it rewrote. */
export function writeStaticPagesWithoutJs(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const rewritten: string[] = [];
  for (const route of Object.keys(manifest.routes).filter(isReaderPage)) {
    const file = path.join(distDir, "server", "app", `${route === "/" ? "index" : route}.html`);
    writeFileSync(file, withoutScripts(readFileSync(file, "utf8")));
    rewritten.push(route);
  }
  return rewritten;
}
