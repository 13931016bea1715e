// The .env files, read as Next.js reads them (@next/env, production mode: .env.production.local,
// .env.local, .env.production, .env; the process's own environment wins over all of them), into
// process.env before anything reads the config. Without it the server's edge read its settings
// (TRUSTED_PROXIES, APP_URL) before Next.js loaded the files, and one process held two configs.
import nextEnv from "@next/env";

const quiet = { info: () => {}, error: (...args) => console.error(...args) };

/** Loads the .env files of `dir` (default: the working directory) into process.env. */
export function loadEnvFiles(dir = process.cwd()) {
  nextEnv.loadEnvConfig(dir, false, quiet);
}
