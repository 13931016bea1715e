// CPU time spent during a stage by the app server (its process group), by the PostgreSQL backends
// of the bench database, and by this process (the load generator). Linux /proc only; elsewhere
// the figures are left out.
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

/** CPU milliseconds so far, per pid, for the server group and the database's backends. */
function snapshot(serverGroup, database) {
  const server = new Map();
  const postgres = new Map();
  for (const proc of processes()) {
    if (proc.group === serverGroup) server.set(proc.pid, proc.cpuMs);
    else if (proc.cmdline.startsWith("postgres: ") && proc.cmdline.includes(` ${database} `)) postgres.set(proc.pid, proc.cpuMs);
  }
  return { server, postgres, self: process.cpuUsage() };
}

const grown = (before, after) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/** Starts counting; the returned function gives CPU ms per request for the stage. */
export function measureCpu(serverGroup, database) {
  if (!available) return () => undefined;
  const before = snapshot(serverGroup, database);
  return (requests) => {
    const after = snapshot(serverGroup, database);
    const self = process.cpuUsage(before.self);
    const perRequest = (ms) => Number((ms / requests).toFixed(3));
    return {
      appServerMsPerRequest: perRequest(grown(before.server, after.server)),
      postgresMsPerRequest: perRequest(grown(before.postgres, after.postgres)),
      loadGeneratorMsPerRequest: perRequest((self.user + self.system) / 1000),
    };
  };
}
