import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "../../lib/config";
import { refusalResponse } from "../../lib/http/edge/edge-pages";
import { nginxPages, nginxSecurityHeaders } from "../../lib/http/edge/nginx-includes";
import { readStaticPageHashes } from "../../lib/http/edge/static-page-hashes";
import { escapeHtml, plainPage } from "../../lib/http/plain-page";
import { compressibleFiles, precompress } from "./precompress";

type PrerenderManifest = { dynamicRoutes: Record<string, { routeRegex: string; fallback: string | false | null }> };

/** The page nginx sends when no app instance answers (502, 504). */
export function unavailablePage(firmEmail: string): string {
  const email = escapeHtml(firmEmail);
  return plainPage("The site is not answering just now", [
    "We could not reach the part of the site that answers this page. Please try again in a minute.",
    `If you were sending a form, look for our confirmation email before you send it again. If this keeps happening, write to us at <a href="mailto:${email}">${email}</a>.`,
  ]);
}

/**
 * What nginx needs from a build (deploy/nginx.conf includes it from `<build>/nginx/`): the security
 * headers and each prerendered page's location with its CSP, the 413 and 502/504 pages; then gzip
 * and brotli copies of the prerendered pages, those error pages and `_next/static`. Run last by
 * `npm run build`: it reads the final HTML and its hashes.
 */
export function prepareForNginx(distDir: string): { compressed: number } {
  const config = getConfig();
  const https = config.APP_URL.startsWith("https:");
  const hashes = readStaticPageHashes(distDir);
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as PrerenderManifest;
  const fullyPrerendered = Object.values(manifest.dynamicRoutes)
    .filter((route) => route.fallback === false)
    .map((route) => route.routeRegex);

  const nginxDir = path.join(distDir, "nginx");
  mkdirSync(nginxDir, { recursive: true });
  const header = "# Written by npm run build (scripts/build/nginx-files.ts) for deploy/nginx.conf: do not edit.";
  writeFileSync(path.join(nginxDir, "security-headers.conf"), [header, ...nginxSecurityHeaders(https), ""].join("\n"));
  writeFileSync(path.join(nginxDir, "pages.conf"), nginxPages(hashes, https, fullyPrerendered));
  writeFileSync(path.join(nginxDir, "413.html"), refusalResponse("too-large", config.FIRM_EMAIL).html);
  writeFileSync(path.join(nginxDir, "unavailable.html"), unavailablePage(config.FIRM_EMAIL));

  const pages = Object.keys(hashes).map((route) => path.join(distDir, "server", "app", `${route === "/" ? "index" : route}.html`));
  const compressed = precompress([...pages, ...compressibleFiles(nginxDir), ...compressibleFiles(path.join(distDir, "static"))]);
  return { compressed };
}
