import { existsSync } from "node:fs";

/** Debian's package for it: libnginx-mod-http-brotli-static. */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export type NginxConfOptions = {
  listen: string;
  /** host:port of each app instance. */
  appServers: readonly string[];
  /** Absolute paths. */
  appDir: string;
  buildDir: string;
  runDir: string;
  errorLog: string;
  accessLog: string;
  /** The user nginx's workers run as; undefined when nginx is not started as root (it cannot switch). */
  user?: string;
  /** Without the brotli module, its lines are left out and nginx sends gzip only. */
  brotli: boolean;
};

/** deploy/nginx.conf with its @NAMES@ filled in. */
export function renderNginxConf(template: string, options: NginxConfOptions): string {
  const values: Record<string, string> = {
    LISTEN: options.listen,
    APP_SERVERS: options.appServers.map((server) => `server ${server};`).join("\n        "),
    APP_DIR: options.appDir,
    BUILD_DIR: options.buildDir,
    RUN_DIR: options.runDir,
    ERROR_LOG: options.errorLog,
    ACCESS_LOG: options.accessLog,
    USER: options.user ?? "",
  };
  const lines = template
    .split("\n")
    .filter((line) => options.user !== undefined || !/^\s*user\s/.test(line))
    .filter((line) => options.brotli || !/^\s*(load_module\s.*brotli|brotli_static\s)/.test(line))
    .map((line) => line.replace(/@([A-Z_]+)@/g, (whole, name: string) => (line.trimStart().startsWith("#") ? whole : (values[name] ?? whole))));
  const left = lines.filter((line) => !line.trimStart().startsWith("#") && /@[A-Z_]+@/.test(line));
  if (left.length > 0) throw new Error(`deploy/nginx.conf has placeholders nobody fills: ${left.join(" | ")}`);
  return lines.join("\n");
}

export const brotliModuleInstalled = () => existsSync(BROTLI_MODULE);
