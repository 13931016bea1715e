// npm run cluster: the deployment's shape on one machine. One build, two production instances
// (scripts/serve.ts) on PostgreSQL, and nginx in front of them with deploy/nginx.conf. Ctrl-C stops
// it all; if any part dies, the rest are stopped too.
//   CLUSTER_PORT (8080)  CLUSTER_HOST (127.0.0.1)  CLUSTER_APP_PORTS ("3001,3002")
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { brotliModuleInstalled, renderNginxConf } from "./cluster/nginx-conf";
import { sharedSecrets } from "./cluster/secrets";
import { serverArgs, serverEnv } from "./server-command.mjs";

const say = (line: string) => console.info(`[cluster] ${line}`);
const fail = (line: string): never => {
  console.error(`[cluster] ${line}`);
  process.exit(2);
};

if (!process.env.DATABASE_URL) {
  fail("needs PostgreSQL: set DATABASE_URL=postgres://user:password@host:5432/db. The embedded database lives inside one process, so two instances cannot share it.");
}
const host = process.env.CLUSTER_HOST || "127.0.0.1";
const port = Number(process.env.CLUSTER_PORT || 8080);
const appPorts = (process.env.CLUSTER_APP_PORTS || "3001,3002").split(",").map((part) => Number(part.trim()));
if (![port, ...appPorts].every((value) => Number.isInteger(value) && value > 0 && value < 65536) || appPorts.length < 1) {
  fail(`CLUSTER_PORT and CLUSTER_APP_PORTS expect port numbers (got "${process.env.CLUSTER_PORT ?? ""}" and "${process.env.CLUSTER_APP_PORTS ?? ""}")`);
}
const nginx = ["/usr/sbin/nginx", ...(process.env.PATH ?? "").split(":").map((dir) => path.join(dir, "nginx"))].find((file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});
if (!nginx) fail("needs nginx: sudo apt-get install -y nginx-light libnginx-mod-http-brotli-static");

const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const secrets = sharedSecrets(process.env, process.env.DATA_DIR || ".data");
if (secrets.file) say(`AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY shared by the instances, kept in ${secrets.file}`);
const emailDelivery = process.env.RESEND_API_KEY || process.env.EMAIL_DELIVERY ? {} : { EMAIL_DELIVERY: "mailbox" };
if (!process.env.RESEND_API_KEY && !process.env.EMAIL_DELIVERY) say("no RESEND_API_KEY: emails go to the dev mailbox (npm run mailbox)");
const env: NodeJS.ProcessEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  ...emailDelivery,
  ...secrets,
  NODE_ENV: "production",
  APP_URL: appUrl,
  // nginx is the proxy on this machine; it compresses what the instances send.
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || "loopback",
  COMPRESS_RESPONSES: "false",
};

// One build for every instance: the same server-action ids, and the files nginx serves.
const buildStatus = buildIfNeeded(env);
if (buildStatus !== 0) process.exit(buildStatus);
const buildDir = path.resolve(env.NEXT_DIST_DIR || ".next");

type Part = { name: string; child: ChildProcess; exited: Promise<void> };
const parts: Part[] = [];
let stopping = false;

function prefixed(name: string, stream: NodeJS.ReadableStream | null, to: NodeJS.WriteStream): void {
  let rest = "";
  stream?.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString("utf8")).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) to.write(`[${name}] ${line}\n`);
  });
  stream?.on("end", () => rest && to.write(`[${name}] ${rest}\n`));
}

function start(name: string, command: string, args: string[], ownEnv: Record<string, string | undefined> = {}): Part {
  const child = spawn(command, args, { env: { ...env, ...ownEnv }, stdio: ["ignore", "pipe", "pipe"] });
  prefixed(name, child.stdout, process.stdout);
  prefixed(name, child.stderr, process.stderr);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? `code ${code}`}): stopping the rest.`);
        void stopAll(1);
      }
      resolve();
    }),
  );
  const part = { name, child, exited };
  parts.push(part);
  return part;
}

const runDir = mkdtempSync(path.join(tmpdir(), "cluster-nginx-"));
async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  for (const { name, child } of parts) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    // nginx: SIGQUIT finishes the requests in flight; the instances stop their workers on SIGTERM.
    child.kill(name === "nginx" ? "SIGQUIT" : "SIGTERM");
  }
  const killLate = setTimeout(() => parts.forEach(({ child }) => child.kill("SIGKILL")), 20_000);
  await Promise.all(parts.map((part) => part.exited));
  clearTimeout(killLate);
  rmSync(runDir, { recursive: true, force: true });
  say("stopped.");
  process.exit(exitCode);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll(0));

const apps = appPorts.map((appPort, index) =>
  start(`app ${index + 1}`, process.execPath, serverArgs(buildDir), serverEnv({ ...env, PORT: String(appPort), HOSTNAME: host })),
);

const brotli = brotliModuleInstalled();
if (!brotli) say("nginx's brotli module is not installed (apt-get install libnginx-mod-http-brotli-static): gzip only.");
for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(runDir, dir));
const accessLog = path.join(runDir, "access.log");
const confFile = path.join(runDir, "nginx.conf");
writeFileSync(
  confFile,
  renderNginxConf(readFileSync("deploy/nginx.conf", "utf8"), {
    listen: `${host}:${port}`,
    appServers: appPorts.map((appPort) => `${host}:${appPort}`),
    appDir: process.cwd(),
    buildDir,
    runDir,
    errorLog: "stderr",
    accessLog,
    user: process.getuid?.() === 0 ? userInfo().username : undefined,
    brotli,
  }),
);
const check = spawnSync(nginx!, ["-t", "-q", "-c", confFile, "-p", runDir], { encoding: "utf8" });
if (check.status !== 0) {
  console.error(check.stderr);
  say(`nginx refused the config made from deploy/nginx.conf (${confFile}).`);
  await stopAll(1);
}
start("nginx", nginx!, ["-c", confFile, "-p", runDir, "-g", "daemon off;"]);

/** Waits until every instance and nginx answer /api/health. */
async function untilReady(): Promise<void> {
  const urls = [...appPorts.map((appPort) => `http://${host}:${appPort}/api/health`), `http://${host}:${port}/api/health`];
  for (const url of urls) {
    while (!stopping) {
      const status = await fetch(url).then((response) => response.status, () => 0);
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
await untilReady();
if (!stopping) {
  const pids = apps.map(({ name, child }, index) => `${name} on ${host}:${appPorts[index]} (pid ${child.pid})`).join(", ");
  say(`ready: http://${host}:${port} (nginx, pid ${parts.at(-1)!.child.pid}) in front of ${pids}; nginx's access log is ${accessLog}. Ctrl-C stops it all.`);
}
