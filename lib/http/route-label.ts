import { readFileSync } from "node:fs";
import path from "node:path";

const ASSET_PREFIXES = ["/_next/static", "/_next/image", "/_next/data", "/_next"];

type Pattern = { route: string; segments: string[]; dynamic: number };

/**
 * Names the app route a path belongs to ("/book/manage/[token]", "/articles/[slug]"), from the
 * build's route patterns: a bounded label for metrics and logs, where the raw path (unbounded, and
 * sometimes a secret such as a manage link's token) must not go. Next's assets are "/_next/static"
 * and the like; anything else is "other".
 */
export function createRouteLabeler(routes: string[]): (pathname: string) => string {
  const exact = new Set(routes.filter((route) => !route.includes("[")));
  const patterns: Pattern[] = routes
    .filter((route) => route.includes("["))
    .map((route) => {
      const segments = route.split("/").filter(Boolean);
      return { route, segments, dynamic: segments.filter((segment) => segment.startsWith("[")).length };
    })
    // The more literal segments, the more specific: /book/manage/[token] before /book/[x].
    .sort((a, b) => a.dynamic - b.dynamic || b.segments.length - a.segments.length);

  return (pathname) => {
    const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (exact.has(clean)) return clean;
    const asset = ASSET_PREFIXES.find((prefix) => clean === prefix || clean.startsWith(`${prefix}/`));
    if (asset) return asset;
    const parts = clean.split("/").filter(Boolean);
    return patterns.find((pattern) => matches(pattern.segments, parts))?.route ?? "other";
  };
}

function matches(pattern: string[], parts: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    if (segment.startsWith("[[...")) return true;
    if (segment.startsWith("[...")) return parts.length > i;
    if (i >= parts.length) return false;
    if (!segment.startsWith("[") && segment !== parts[i]) return false;
  }
  return pattern.length === parts.length;
}

/** The build's app routes (`app-path-routes-manifest.json`'s patterns); none if there is no build. */
export function readAppRoutes(distDir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
    return [...new Set(Object.values(manifest))];
  } catch {
    return [];
  }
}
