// The production processes as one plain JavaScript file each in the build folder, so that they run
// on node alone: the server (scripts/serve.ts and the lib/ modules it imports) and the outbox worker
// (scripts/worker.ts). Run through tsx, a process carried tsx's module hooks (a second V8 isolate, on
// a thread of their own), the TypeScript it compiled and the source maps that tsx turns on: the
// server held about 90 MB more from start on (idle 305-335 MB against 224 MB, and 500-670 MB against
// 440-490 MB at the peak of 850 bookings), the worker idle 235 MB against 147 MB (126 MB with
// SERVER_NODE_FLAGS). Packages stay imports from node_modules, as they were under tsx.
import { buildSync } from "esbuild";
import { serverEntry, workerEntry } from "../server-command.mjs";

/** @param {string} entry @param {string} outfile @returns {string} the bundle's path */
function bundle(entry, outfile) {
  // The source map (without the sources) is read by nothing at run time: it lets the bench's CPU
  // profile (bench/cpu-profile.mjs) name the lib/ file behind each frame of the bundle.
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    sourcesContent: false,
    logLevel: "warning",
  });
  return outfile;
}

/** @param {string} distDir */
export const bundleServer = (distDir) => bundle("scripts/serve.ts", serverEntry(distDir));

/** @param {string} distDir */
export const bundleWorker = (distDir) => bundle("scripts/worker.ts", workerEntry(distDir));
