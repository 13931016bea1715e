import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nginxPages, nginxSecurityHeaders } from "../../lib/http/edge/nginx-includes";
import { unavailablePage } from "../build/nginx-files";
import { brotliModuleInstalled, renderNginxConf, type NginxConfOptions } from "./nginx-conf";

const template = readFileSync("deploy/nginx.conf", "utf8");
const hashes = { "/": ["sha256-aaa="], "/_not-found": ["sha256-nf="], "/articles/one": ["sha256-bbb=", "sha256-ccc="] };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A build folder with what `npm run build` writes for nginx, and the options to render the config for it. */
function buildFor(https: boolean): NginxConfOptions {
  const root = mkdtempSync(path.join(tmpdir(), "nginx-conf-test-"));
  dirs.push(root);
  const buildDir = path.join(root, "build");
  mkdirSync(path.join(buildDir, "nginx"), { recursive: true });
  writeFileSync(path.join(buildDir, "nginx", "security-headers.conf"), nginxSecurityHeaders(https).join("\n"));
  writeFileSync(path.join(buildDir, "nginx", "pages.conf"), nginxPages(hashes, https, ["^/articles/([^/]+?)(?:/)?$"]));
  writeFileSync(path.join(buildDir, "nginx", "unavailable.html"), unavailablePage("hello@example.com"));
  const runDir = path.join(root, "run");
  for (const dir of ["", "body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(runDir, dir), { recursive: true });
  return {
    listen: "127.0.0.1:4398",
    appServers: ["127.0.0.1:4301", "127.0.0.1:4302"],
    appDir: root,
    buildDir,
    runDir,
    errorLog: "stderr",
    accessLog: path.join(runDir, "access.log"),
    user: process.getuid?.() === 0 ? "root" : undefined,
    brotli: brotliModuleInstalled(),
  };
}

describe("deploy/nginx.conf", () => {
  it.each([false, true])("renders into a config nginx accepts (https: %s)", (https) => {
    const options = buildFor(https);
    const file = path.join(options.runDir, "nginx.conf");
    writeFileSync(file, renderNginxConf(template, options));
    const check = spawnSync("/usr/sbin/nginx", ["-t", "-c", file, "-p", options.runDir], { encoding: "utf8" });
    expect(check.stderr).toContain("test is successful");
  });

  it("answers with the 502 page when no instance answers", async () => {
    // Nothing listens on the instances' ports (this test's range), so nginx cannot reach either.
    const options = { ...buildFor(false), listen: "127.0.0.1:4397", appServers: ["127.0.0.1:4395", "127.0.0.1:4396"] };
    const file = path.join(options.runDir, "nginx.conf");
    writeFileSync(file, renderNginxConf(template, options));
    const nginx = spawn("/usr/sbin/nginx", ["-c", file, "-p", options.runDir, "-g", "daemon off;"], { stdio: "ignore" });
    const exited = new Promise((resolve) => nginx.once("exit", resolve));
    try {
      let response: Response | undefined;
      for (let attempt = 0; attempt < 100 && !response; attempt++) {
        response = await fetch("http://127.0.0.1:4397/book").catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 100)));
      }
      expect(response?.status).toBe(502);
      expect(await response!.text()).toContain("The site is not answering just now");
      expect(response!.headers.get("x-frame-options")).toBe("DENY");
    } finally {
      nginx.kill("SIGTERM");
      await exited;
    }
  });

  it("names every instance, and leaves out the user without root and brotli without its module", () => {
    const conf = renderNginxConf(template, { ...buildFor(false), user: undefined, brotli: false });
    expect(conf).toContain("server 127.0.0.1:4301;\n        server 127.0.0.1:4302;");
    expect(conf).not.toMatch(/^\s*user\s/m);
    expect(conf).not.toMatch(/^\s*(brotli_static|load_module)\s/m);
    expect(conf).not.toMatch(/^[^#]*@[A-Z_]+@/m);
  });
});

describe("the includes written for nginx", () => {
  it("give each prerendered page its own CSP with its hashes, and HSTS only over https", () => {
    const pages = nginxPages(hashes, false, []);
    expect(pages).toContain("location = /articles/one {");
    expect(pages).toMatch(/location = \/articles\/one \{\n {4}set \$page_csp "default-src 'none'; script-src 'self' 'sha256-bbb=' 'sha256-ccc='; /);
    expect(pages).not.toContain("location = /_not-found");
    expect(nginxSecurityHeaders(false).join("\n")).not.toContain("Strict-Transport-Security");
    expect(nginxSecurityHeaders(true).join("\n")).toContain('add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;');
  });

  it("answer a path of a fully prerendered route that no page has with the not-found page, and leave its trailing slash to the app", () => {
    const pages = nginxPages(hashes, false, ["^/articles/([^/]+?)(?:/)?$"]);
    expect(pages).toContain('location ~ "^/articles/([^/]+?)$" {');
    expect(pages).toContain("error_page 404 /_nginx/not-found;");
  });
});
