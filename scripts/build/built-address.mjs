// The address a build's static pages were made for: their canonical URLs, Open Graph tags and
// sitemap hold it, so a build for another address is wrong even when no source changed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { publicAddressSetting } from "../../lib/public-address.mjs";

/** @typedef {Record<string, string | undefined>} Env */

/** @param {string} distDir */
const fileIn = (distDir) => path.join(distDir, "public-address");
/** @param {Env} env */
const settingOf = (env) => publicAddressSetting(env) ?? "";

/**
 * Records, in the build folder, the address `env` gives the build.
 * @param {string} distDir
 * @param {Env} [env]
 */
export function recordBuiltAddress(distDir, env = process.env) {
  writeFileSync(fileIn(distDir), settingOf(env));
}

/**
 * Whether the build in `distDir` was made for another address than `env` gives (or did not say).
 * @param {string} distDir
 * @param {Env} [env]
 */
export function builtForAnotherAddress(distDir, env = process.env) {
  const file = fileIn(distDir);
  return !existsSync(file) || readFileSync(file, "utf8") !== settingOf(env);
}
