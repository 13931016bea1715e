// How every production process is started: the server by npm start, npm run cluster, the bench and
// the end-to-end tests, the outbox worker by npm run worker. Plain node on the build's bundle of
// scripts/serve.ts or scripts/worker.ts (scripts/build/process-bundles.mjs), with V8's heap kept near
// what the process really holds.
import path from "node:path";

/**
 * V8's heap sizes. Left to itself on a machine with a few GB, V8 lets the old generation grow to
 * about four times what survived the last full GC before collecting again: under booking load the
 * heap reached 250-310 MB around some 60-90 MB live, and RSS 380-495 MB.
 * - A 512 MB old generation: V8 scales its growing factor with that limit, to ~1.4 here, and the
 *   limit still leaves five times the live heap. Peak RSS at 850 bookings: 238-254 MB.
 * - 4 MB semi-spaces: the young generation in 12 MB instead of 48 (about 20 MB less when idle).
 * Neither changed the CPU per booking measurably.
 *
 * And no Maglev, V8's middle compiler, on by default from Node 22 (Node 20 has it off: there the
 * flag changes nothing). On Node 24.22 at 50 booking clients, with it: peak RSS 284-309 MB, 5.1-6.5
 * ms of CPU a booking; without: 241-257 MB, 4.4-5.8 ms. It compiles much of Next's server a second
 * time, on the same two cores, and keeps both versions.
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=512", "--max-semi-space-size=4", "--no-maglev"];

/**
 * The server's environment on top of `env`. glibc gives each thread that allocates its own malloc
 * arena, up to eight a core, and returns little of them: two arenas kept peak RSS under booking
 * load about 19 MB lower (274 → 255 MB) with no change in throughput. A value set in `env` wins.
 * @param {Record<string, string | undefined>} [env]
 * @returns {NodeJS.ProcessEnv}
 */
export const serverEnv = (env = process.env) => ({ MALLOC_ARENA_MAX: "2", ...env });

/** The server's entry in the build folder `distDir` (NEXT_DIST_DIR, default .next). */
export const serverEntry = (distDir = process.env.NEXT_DIST_DIR || ".next") => path.join(distDir, "serve.mjs");

/** The outbox worker's entry in the build folder `distDir`, for `npm run worker` (scripts/run-worker.mjs). */
export const workerEntry = (distDir = process.env.NEXT_DIST_DIR || ".next") => path.join(distDir, "worker.mjs");

/** node's arguments for the server: the flags above, `nodeArgs` (e.g. --cpu-prof), then the entry. */
export const serverArgs = (distDir, nodeArgs = []) => [...SERVER_NODE_FLAGS, ...nodeArgs, serverEntry(distDir)];
