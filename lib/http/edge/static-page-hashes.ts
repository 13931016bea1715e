import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Maps each prerendered page's path to the CSP hashes of its inline scripts. */
export type StaticPageHashes = Record<string, string[]>;

const fileName = "static-page-hashes.json";
const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The `sha256-…` of each inline script the browser would run (not `src` ones, not JSON data blocks). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(inlineScript)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}

/** Reads the build's prerendered HTML pages and writes their hashes beside them (run after `next build`). */
export function writeStaticPageHashes(distDir: string): StaticPageHashes {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const hashes: StaticPageHashes = {};
  for (const route of Object.keys(manifest.routes)) {
    const file = path.join(distDir, "server", "app", `${route === "/" ? "index" : route}.html`);
    if (existsSync(file)) hashes[route] = inlineScriptHashes(readFileSync(file, "utf8"));
  }
  writeFileSync(path.join(distDir, fileName), JSON.stringify(hashes, null, 2));
  return hashes;
}

export function readStaticPageHashes(distDir: string): StaticPageHashes {
  const file = path.join(distDir, fileName);
  if (!existsSync(file)) throw new Error(`${file} is missing: build with npm run build, which writes it after next build`);
  return JSON.parse(readFileSync(file, "utf8")) as StaticPageHashes;
}
