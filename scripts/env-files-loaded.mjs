// Imported first by the processes that serve or build the site, so that the .env files are in
// process.env before any module reads it (see load-env-files.mjs).
import { loadEnvFiles } from "./load-env-files.mjs";

loadEnvFiles();
