// The site's public address as the environment gives it, before the config checks it. Plain
// JavaScript, so that scripts/build-if-needed.mjs (run by node without a TypeScript loader) and
// lib/config.ts apply the one rule.

/**
 * APP_URL when set; otherwise this machine on PORT, when that is set; otherwise undefined (the
 * config's default).
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export const publicAddressSetting = (env) => env.APP_URL || (env.PORT ? `http://localhost:${env.PORT}` : undefined);
