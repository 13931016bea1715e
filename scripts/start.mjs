// npm start: builds when the build is missing or older than the sources, then serves it.
// Honours PORT (default 3000) and HOSTNAME, as hosting platforms set them.
import "./env-files-loaded.mjs";
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { serverArgs, serverEnv } from "./server-command.mjs";

const status = buildIfNeeded();
if (status !== 0) process.exit(status);

const server = spawn(process.execPath, serverArgs(process.env.NEXT_DIST_DIR), {
  stdio: "inherit",
  env: serverEnv({ NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...process.env }),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
