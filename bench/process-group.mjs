// A bench process started in a process group of its own (spawn's detached), so that stopping it
// stops whatever it started too (npm's children, the cluster's instances and nginx).
import { spawn } from "node:child_process";

/** Spawns `command` detached; `stop()` sends the group SIGTERM, then SIGKILL after `graceMs`, and waits for the exit. */
export function spawnGroup(command, args, options, graceMs) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
