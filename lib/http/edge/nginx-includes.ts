import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import type { StaticPageHashes } from "./static-page-hashes";

// The parts of deploy/nginx.conf that must say exactly what the edge says (the security headers,
// each prerendered page's CSP), written by `npm run build` from the functions the edge calls. They
// name no folder ($prerendered_pages is set in deploy/nginx.conf), so a build can move.

const escaped = (value: string) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/** An nginx string; `$` would start a variable, and none of ours has one. */
function quoted(value: string): string {
  if (value.includes("$")) throw new Error(`no "$" may reach nginx's config here: ${value}`);
  return escaped(value);
}

/** The headers of every response nginx answers itself; the CSP is the page's `$page_csp`. */
export function nginxSecurityHeaders(https: boolean): string[] {
  const lines = Object.entries(securityHeaders(https)).map(([name, value]) => `add_header ${name} ${quoted(value)} always;`);
  return [...lines, "add_header Content-Security-Policy $page_csp always;"];
}

/** A location answered from a prerendered file, but for React's navigation requests and anything but GET and HEAD, which go to the app. */
function staticPageLocation(match: string, csp: string, https: boolean, body: string[]): string[] {
  return [
    `location ${match} {`,
    `    set $page_csp ${quoted(csp)};`,
    "    if ($http_rsc) { return 418; }",
    "    if ($request_method !~ ^(GET|HEAD)$) { return 418; }",
    "    error_page 418 = @app;",
    "    root $prerendered_pages;",
    '    add_header Cache-Control "public, max-age=0, must-revalidate" always;',
    ...nginxSecurityHeaders(https).map((line) => `    ${line}`),
    ...body.map((line) => `    ${line}`),
    "}",
  ];
}

/**
 * The server-level part of the config: the default CSP (the edge's for a page without hashes of its
 * own, less the nonce nginx cannot give), one exact location per prerendered page, and the
 * prerendered not-found page for paths that can only be 404s (a dynamic route whose every page was
 * prerendered, `fallback: false` in the build's manifest).
 */
export function nginxPages(hashes: StaticPageHashes, https: boolean, fullyPrerenderedRouteRegexes: readonly string[]): string {
  const notFoundCsp = contentSecurityPolicy({ hashes: hashes["/_not-found"] ?? [] }, https);
  const out = ["# Written by npm run build (scripts/build/nginx-files.ts) for deploy/nginx.conf: do not edit.", `set $page_csp ${quoted(notFoundCsp)};`];
  for (const [route, pageHashes] of Object.entries(hashes)) {
    if (route.startsWith("/_")) continue;
    out.push(...staticPageLocation(`= ${route}`, contentSecurityPolicy({ hashes: pageHashes }, https), https, [`try_files ${route === "/" ? "/index" : route}.html @app;`]));
  }
  if (hashes["/_not-found"]) {
    out.push(...staticPageLocation("= /_nginx/not-found", notFoundCsp, https, ["internal;", "try_files /_not-found.html =404;"]));
    for (const regex of fullyPrerenderedRouteRegexes) {
      // Next redirects a trailing slash away: only the bare path is a sure 404.
      const bare = regex.replace(/\(\?:\/\)\?\$$/, "$");
      // A location's regex takes no variables, so its "$" is the end of the path.
      out.push(...staticPageLocation(`~ ${escaped(bare)}`, notFoundCsp, https, ["error_page 404 /_nginx/not-found;", "return 404;"]));
    }
  }
  return [...out, ""].join("\n");
}
