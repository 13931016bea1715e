// The production server (scripts/serve.ts and the lib/ modules it imports) as one plain JavaScript
// file in the build folder, so that it runs on node alone. Run through tsx, the server carried tsx's
// module hooks (a second V8 isolate, on a thread of their own), the TypeScript it compiled and the
// source maps that tsx turns on: about 90 MB more resident memory from start on (idle 305-335 MB
// against 224 MB, and 500-670 MB against 440-490 MB at the peak of 850 bookings).
// Packages stay imports from node_modules, as they were under tsx.
import { buildSync } from "esbuild";
import { serverEntry } from "../server-command.mjs";

export function bundleServer(distDir: string): string {
  const outfile = serverEntry(distDir);
  buildSync({
    entryPoints: ["scripts/serve.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}
