// Builds when the build (NEXT_DIST_DIR, default .next) is missing, older than the sources, or lacks
// what nginx needs from it or the server's bundle, and warns when it was made for another public
// address; shared by npm start and npm run cluster.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverEntry } from "./server-command.mjs";
import { builtForAnotherAddress } from "./build/built-address.mjs";

const sources = ["public", "app", "components", "lib", "content", "scripts/serve.ts", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "package-lock.json"];

export function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestChange(path.join(target, entry))), stats.mtimeMs);
}

/** Returns the build's exit status (0 when there was nothing to do). */
export function buildIfNeeded(env = process.env) {
  const distDir = env.NEXT_DIST_DIR || ".next";
  const buildId = path.join(distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) && existsSync(path.join(distDir, "nginx", "pages.conf")) && existsSync(serverEntry(distDir)) ? statSync(buildId).mtimeMs : 0;
  if (builtAt >= Math.max(...sources.map(newestChange))) {
    // Said, not rebuilt: a server may be serving this build's files right now (npm run cluster
    // beside a running npm start, the end-to-end tests), and a build replaces them.
    if (builtForAnotherAddress(distDir, env)) {
      console.warn(
        `The build in ${distDir} was made for another public address than APP_URL (or PORT without it) gives: its static pages' canonical links, Open Graph tags and sitemap name that one. Run npm run build with the address the site is served at.`,
      );
    }
    return 0;
  }
  console.log(builtAt ? "Sources changed since the last build: building." : "No build yet: building.");
  const build = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/build.ts"], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return build.status ?? 1;
}
