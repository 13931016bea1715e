import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db/open-database";

const runMigrate = (env: Record<string, string>) =>
  spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });

describe("npm run db:migrate on the embedded database", () => {
  it("migrates a new data directory, then finds it up to date", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "migrate-cli-"));
    const first = runMigrate({ DATA_DIR: dataDir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Applied to the embedded database .*_init/);
    const second = runMigrate({ DATA_DIR: dataDir });
    expect(second.stdout).toContain("already up to date");
  });

  it("stops with a clear message while another process has the data directory open", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "migrate-cli-"));
    const holder = openDatabase({ kind: "embedded", dataDir });
    try {
      const result = runMigrate({ DATA_DIR: dataDir });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      await holder.close();
    }
  });
});
