import { spawn } from "node:child_process";

// `npm run cluster` (scripts/cluster.ts) as a test runs it: its own ports and settings, its output
// kept, ready once it says so.

export type Cluster = {
  /** nginx's address. */
  url: string;
  /** Each app instance's own address, and its process id. */
  apps: { url: string; pid: number }[];
  /** Everything it printed so far, each line prefixed by its part ([cluster], [app 1], [nginx]…). */
  output: () => string;
  stop: () => Promise<void>;
};

export type ClusterPorts = { nginx: number; apps: [number, number] };

/** Starts the cluster and waits until it says it is ready; fails with its output if it exits or stays silent. */
export async function startCluster(ports: ClusterPorts, env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<Cluster> {
  // A process group of its own: whatever happens to the test, no instance or nginx outlives it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts"], {
    env: { ...process.env, ...env, CLUSTER_HOST: "127.0.0.1", CLUSTER_PORT: String(ports.nginx), CLUSTER_APP_PORTS: ports.apps.join(",") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killGroup);
  let output = "";
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  /** Ctrl-C's way (the cluster stops its parts), then, if that takes too long, every process of the group at once. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const late = setTimeout(killGroup, 45_000);
    await exited;
    clearTimeout(late);
    killGroup();
  };
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cluster was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const line = /^\[cluster\] ready: .*$/m.exec(output)?.[0];
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the cluster exited (${how}) before it was ready:\n${output}`));
    });
  });
  let line: string;
  try {
    line = await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const apps = ports.apps.map((port) => {
    const pid = new RegExp(`on 127\\.0\\.0\\.1:${port} \\(pid (\\d+)\\)`).exec(line)?.[1];
    if (!pid) throw new Error(`no pid for the instance on port ${port} in: ${line}`);
    return { url: `http://127.0.0.1:${port}`, pid: Number(pid) };
  });
  return { url: `http://127.0.0.1:${ports.nginx}`, apps, output: () => output, stop };
}
