// How every production server process is started: npm start, npm run cluster, the bench and the
// end-to-end tests. Plain node on the build's bundle of scripts/serve.ts (scripts/build/server-bundle.ts).
import path from "node:path";

/** The server's entry in the build folder `distDir` (NEXT_DIST_DIR, default .next). */
export const serverEntry = (distDir = process.env.NEXT_DIST_DIR || ".next") => path.join(distDir, "serve.mjs");

/** node's arguments for the server: `nodeArgs` (e.g. --cpu-prof), then the entry. */
export const serverArgs = (distDir, nodeArgs = []) => [...nodeArgs, serverEntry(distDir)];
