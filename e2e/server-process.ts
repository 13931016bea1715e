import { spawn } from "node:child_process";
import { serverArgs, serverEnv } from "../scripts/server-command.mjs";

export type ServerProcess = {
  url: string;
  /** The server's own process (node runs scripts/serve.ts in it), for reading its memory. */
  pid: number;
  /** Everything it printed so far. */
  output: () => string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string>;
  stop: () => Promise<void>;
  /** Sends `signal` (SIGKILL: no handler runs, nothing is flushed) and waits until it has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
};

/** A port for the test's nth extra server: beside the main one's, so that runs in parallel checkouts never meet. */
export function extraServerPort(n: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + n;
}

/**
 * Another production server from the build the tests run against (NEXT_DIST_DIR), with the test
 * run's settings changed by `env`. Its worker is off unless asked for, so it sends nothing.
 */
export function startServer(port: number, env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(process.execPath, serverArgs(process.env.NEXT_DIST_DIR), {
    env: serverEnv({ ...process.env, WORKER_IN_APP: "false", APP_URL: `http://localhost:${port}`, ...env, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    url: `http://localhost:${port}`,
    pid: child.pid!,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Waits until the server's /api/health answers 200, failing with its output if it exits first. */
export async function untilHealthy(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: number | string | undefined;
  void server.exited.then((how) => (exit = how));
  while (Date.now() < deadline) {
    if (exit !== undefined) throw new Error(`the server exited (${exit}):\n${server.output()}`);
    const status = await fetch(`${server.url}/api/health`).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms:\n${server.output()}`);
}
