// CPU time spent during a stage by the app server (its process group), by the PostgreSQL backends
// of the bench database, and by this process (the load generator); and the share of the machine's
// CPU that everything else used meanwhile. Linux /proc only; elsewhere the figures are left out.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

const available = existsSync("/proc/self/stat");
const ticksPerMs = available ? Number(execSync("getconf CLK_TCK").toString().trim() || 100) / 1000 : 1;

function processes() {
  const result = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      result.push({ pid: entry, group: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) / ticksPerMs, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return result;
}

/** Which part of the server's process group a process is: an app instance, nginx, or the rest (npm, the cluster script). */
const partOf = (cmdline) => (cmdline.includes("serve.mjs") ? "instances" : cmdline.startsWith("nginx") ? "nginx" : "rest");

/** CPU milliseconds so far, per pid, for the server group and the database's backends. */
function snapshot(serverGroup, database) {
  const server = new Map();
  const parts = new Map();
  const postgres = new Map();
  for (const proc of processes()) {
    if (proc.group === serverGroup) {
      server.set(proc.pid, proc.cpuMs);
      parts.set(proc.pid, partOf(proc.cmdline));
    }
    else if (proc.cmdline.startsWith("postgres: ") && proc.cmdline.includes(` ${database} `)) postgres.set(proc.pid, proc.cpuMs);
  }
  return { server, parts, postgres, self: process.cpuUsage(), machine: machineCpuMs() };
}

/** All CPUs' busy and total time so far, from the first line of /proc/stat. */
function machineCpuMs() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / ticksPerMs, total: (busy + idle + iowait) / ticksPerMs };
}

const grown = (before, after) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/** Starts counting; the returned function gives CPU ms per request for the stage, and others' CPU share. */
export function measureCpu(serverGroup, database) {
  if (!available) return () => undefined;
  const before = snapshot(serverGroup, database);
  return (requests) => {
    const after = snapshot(serverGroup, database);
    const self = process.cpuUsage(before.self);
    const perRequest = (ms) => Number((ms / requests).toFixed(3));
    const ours = { server: grown(before.server, after.server), postgres: grown(before.postgres, after.postgres), self: (self.user + self.system) / 1000 };
    const busy = after.machine.busy - before.machine.busy;
    const total = after.machine.total - before.machine.total;
    // The server group's CPU by part: for the cluster, its instances, nginx and the rest.
    const byPart = {};
    for (const [pid, ms] of after.server) byPart[after.parts.get(pid)] = (byPart[after.parts.get(pid)] ?? 0) + ms - (before.server.get(pid) ?? 0);
    return {
      appServerMsPerRequest: perRequest(ours.server),
      serverPartsMsPerRequest: Object.fromEntries(Object.entries(byPart).map(([part, ms]) => [part, perRequest(ms)])),
      postgresMsPerRequest: perRequest(ours.postgres),
      loadGeneratorMsPerRequest: perRequest(ours.self),
      // The fake provider, autovacuum, other users' processes, the hypervisor's steal: a sign of noise.
      otherCpuPercent: total > 0 ? Number(Math.max(0, (100 * (busy - ours.server - ours.postgres - ours.self)) / total).toFixed(1)) : undefined,
    };
  };
}
