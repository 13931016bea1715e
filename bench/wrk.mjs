// HTTP load from wrk (Debian's package: apt-get install -y wrk), a C load generator: a Node client
// tops out far below what a plain node:http server can answer, so it would measure itself. wrk
// reports through a Lua `done` hook as one JSON line: requests, seconds, errors, latency percentiles.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Undefined when wrk is on the PATH; otherwise the sentence to print in its rows. */
export function wrkMissing() {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  return probe.error ? "not measured: wrk is not installed (apt-get install -y wrk)" : undefined;
}

// Latency percentiles are in microseconds; status errors are non-2xx/3xx answers.
const REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nWRK_JSON {"requests":%d,"microseconds":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;

/**
 * Runs wrk against `url` with these request headers; resolves with req/s, p50/p90/p99/max in ms,
 * and the errors (a non-2xx/3xx answer counts as one, so `expectStatus` 404 pages say so).
 */
export async function runWrk(url, { threads = 2, connections = 50, seconds = 10, headers = {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-wrk-"));
  const script = path.join(dir, "report.lua");
  writeFileSync(script, REPORT);
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", script];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);
  try {
    const output = await new Promise((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (chunk) => (text += chunk));
      child.stderr.on("data", (chunk) => (text += chunk));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text.trim().slice(-300)}`))));
    });
    const line = output.split("\n").find((l) => l.startsWith("WRK_JSON "));
    if (!line) throw new Error(`no report from wrk: ${output.trim().slice(-300)}`);
    const r = JSON.parse(line.slice("WRK_JSON ".length));
    const ms = (us) => Number((us / 1000).toFixed(2));
    const socketErrors = r.connectErrors + r.readErrors + r.writeErrors + r.timeouts;
    return {
      connections,
      threads,
      requests: r.requests,
      seconds: Number((r.microseconds / 1e6).toFixed(2)),
      perSecond: Number((r.requests / (r.microseconds / 1e6)).toFixed(1)),
      bytesPerRequest: r.requests > 0 ? Math.round(r.bytes / r.requests) : 0,
      p50: ms(r.p50),
      p90: ms(r.p90),
      p99: ms(r.p99),
      max: ms(r.max),
      socketErrors,
      statusErrors: r.statusErrors,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
