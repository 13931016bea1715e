// The public pages' own scripts, which are not part of Next's build: they run on pages served
// without React (lib/http/edge/prospect-pages.ts). Each is bundled for browsers into `_next/static`
// under a name that holds its content's hash (so nginx and browsers keep it immutably), with its
// lazily loaded parts as chunks beside it. The build records their URLs for the server to find
// (writePageScripts in lib/http/edge/prospect-pages.ts).
import path from "node:path";
import { buildSync } from "esbuild";

/** What each script is for, and its source. */
const sources = { booking: "components/booking/enhance-booking-forms.ts" };

/** @param {string} distDir @returns {Record<string, string>} each script's URL */
export function bundlePageScripts(distDir) {
  const outdir = path.join(distDir, "static", "page-scripts");
  const result = buildSync({
    entryPoints: Object.entries(sources).map(([name, source]) => ({ in: source, out: name })),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["chrome111", "firefox111", "safari16.4"],
    minify: true,
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    metafile: true,
    logLevel: "warning",
  });
  /** @type {Record<string, string>} */
  const urls = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = Object.keys(sources).find((key) => sources[key] === output.entryPoint);
    if (name) urls[name] = `/_next/static/page-scripts/${path.basename(file)}`;
  }
  return urls;
}
