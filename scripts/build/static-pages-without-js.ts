import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withoutScripts } from "../../lib/http/without-scripts";

// A reader's page needs no React: the prerendered article, home, article list and privacy notice
// are whole in their HTML and already work without JavaScript. This step, run right after
// `next build`, takes every script out of their HTML (lib/http/without-scripts.ts), so a browser
// that opens one gets plain HTML and CSS. Next still serves the pages' `.rsc` payloads
// untouched, so a client-side navigation from a page that has React (the admin) still works.

/** The prerendered pages served without scripts: their paths as in the prerender manifest. */
export function isReaderPage(route: string): boolean {
  return route === "/" || route === "/articles" || route === "/privacy" || /^\/articles\/[^/]+$/.test(route);
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
