// npm run build: next build; the reader pages' prerendered HTML without scripts; the booking
// pages' own script (scripts/build/page-scripts.mjs); then the CSP
// hashes of each prerendered page's inline scripts, which the edge (and nginx) send with those
// pages so that they stay static and need no nonce.
import "./env-files-loaded.mjs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { writePageScripts } from "../lib/http/edge/prospect-pages";
import { writeStaticPageHashes } from "../lib/http/edge/static-page-hashes";
import { writeStaticPagesWithoutJs } from "./build/static-pages-without-js";
import { prepareForNginx } from "./build/nginx-files";
import { bundleServer, bundleWorker } from "./build/process-bundles.mjs";
import { bundlePageScripts } from "./build/page-scripts.mjs";
import { recordBuiltAddress } from "./build/built-address.mjs";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } });
if (build.status !== 0) process.exit(build.status ?? 1);
recordBuiltAddress(distDir);
console.info(`Served without JavaScript: ${writeStaticPagesWithoutJs(distDir).join(", ")}.`);
const hashes = writeStaticPageHashes(distDir);
console.info(`CSP hashes written for ${Object.keys(hashes).length} prerendered pages.`);
const pageScripts = bundlePageScripts(distDir);
writePageScripts(distDir, pageScripts);
console.info(`Page scripts bundled: ${Object.values(pageScripts).join(", ")}.`);
console.info(`Server bundled into ${bundleServer(distDir)}, the outbox worker into ${bundleWorker(distDir)}.`);
// Last: nginx's includes and the gzip and brotli copies are made from the final files.
console.info(`nginx includes written; ${prepareForNginx(distDir).compressed} files precompressed (gzip, brotli).`);
