import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "data-dir-lock-"));

describe("the embedded database's data directory lock", () => {
  it("refuses a second process while the first one holds it, naming the owner", async () => {
    const dir = freshDir();
    const owner = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    await once(owner, "spawn");
    writeFileSync(path.join(dir, "owner.pid"), String(owner.pid));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`in use by process ${owner.pid}`);
    } finally {
      owner.kill();
    }
  });

  it("takes over a lock left behind by a process that has died", () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(path.join(dir, "owner.pid"), dead);
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "owner.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "owner.pid"))).toBe(false);
  });

  it("can be taken again once released", () => {
    const dir = freshDir();
    lockDataDir(dir)();
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "owner.pid"), "utf8")).toBe(String(process.pid));
    release();
  });
});
