// npm run worker: the outbox worker on its own (scripts/worker.ts), run as the server is: node alone
// on its bundle in the build folder, with the server's V8 flags. It needs no Next.js build: when its
// bundle is missing or older than its sources, it is made first (esbuild, well under a second).
import "./env-files-loaded.mjs";
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { newestChange } from "./build-if-needed.mjs";
import { SERVER_NODE_FLAGS, serverEnv, workerEntry } from "./server-command.mjs";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const entry = workerEntry(distDir);
const sources = ["lib", "scripts/worker.ts", "scripts/env-files-loaded.mjs", "scripts/load-env-files.mjs", "package-lock.json"];
if (!existsSync(entry) || statSync(entry).mtimeMs < Math.max(...sources.map(newestChange))) {
  // Loaded only to bundle: this process stays up beside the worker, to pass signals on.
  const { bundleWorker } = await import("./build/process-bundles.mjs");
  bundleWorker(distDir);
}

const worker = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], { stdio: "inherit", env: serverEnv() });
// The worker finishes its sends in flight on SIGTERM (or Ctrl-C) and exits with its own status.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
