// Builds the production site into its own folder and serves it with the production server (scripts/serve.ts).
import { spawnSync } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverArgs, serverEnv } from "../scripts/server-command.mjs";
import { spawnGroup } from "./process-group.mjs";

const tsx = path.join("node_modules", ".bin", "tsx");
const read = (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/**
 * `next build` into env.NEXT_DIST_DIR. The build also points next-env.d.ts at that folder's types
 * and adds it to tsconfig.json's "include"; both are put back as they were, so the working tree
 * (and the type check of whoever shares it) is left alone.
 */
export function build(env, logFile) {
  const before = { tsconfig: read("tsconfig.json"), nextEnv: read("next-env.d.ts") };
  const log = openSync(logFile, "w");
  const result = spawnSync(tsx, ["scripts/build.ts"], { env, stdio: ["ignore", log, log] });
  restoreBuildEdits(before, env.NEXT_DIST_DIR);
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status}); last lines of ${logFile}:\n${tail(logFile)}`);
  }
}

function restoreBuildEdits(before, distDir) {
  if (before.nextEnv !== undefined && read("next-env.d.ts") !== before.nextEnv) writeFileSync("next-env.d.ts", before.nextEnv);
  const after = read("tsconfig.json");
  if (before.tsconfig === undefined || after === before.tsconfig) return;
  // Undo only the build's own edit: the same file but for include entries under distDir.
  try {
    const config = JSON.parse(after);
    config.include = config.include?.filter((entry) => !entry.startsWith(`${distDir}/`));
    if (JSON.stringify(config) === JSON.stringify(JSON.parse(before.tsconfig))) return writeFileSync("tsconfig.json", before.tsconfig);
  } catch {
    // Not plain JSON: leave it to a person.
  }
  console.warn("[bench] tsconfig.json changed during the build in more ways than the build's own; left as it is");
}

/**
 * Starts the production server in its own process group (with `nodeArgs` for node itself, e.g.
 * --cpu-prof); resolves once /api/health answers 200.
 */
export async function start(env, port, logFile, { nodeArgs = [] } = {}) {
  const log = openSync(logFile, "w");
  const { child, exited, stop } = spawnGroup(process.execPath, serverArgs(env.NEXT_DIST_DIR, nodeArgs), { env: serverEnv({ ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }), stdio: ["ignore", log, log] }, 5_000);
  const server = { pid: child.pid, stop };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = await Promise.race([
      fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.status, () => 0),
      exited.then((how) => `exited (${how})`),
    ]);
    if (status === 200) return server;
    if (typeof status === "string") throw new Error(`the server ${status}; last lines of ${logFile}:\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`the server was not healthy within 60 s; last lines of ${logFile}:\n${tail(logFile)}`);
}

export const tail = (file, lines = 30) => readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
