import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { loadEnvFiles } from "./load-env-files.mjs";

const names = ["ENV_FILES_TEST_LOCAL", "ENV_FILES_TEST_SHARED", "ENV_FILES_TEST_SET"];
let dir: string | undefined;
afterEach(() => {
  for (const name of names) delete process.env[name];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("reads .env.local over .env into process.env, and the process's own environment wins", () => {
  dir = mkdtempSync(path.join(tmpdir(), "env-files-"));
  writeFileSync(path.join(dir, ".env"), "ENV_FILES_TEST_SHARED=from-env\nENV_FILES_TEST_SET=from-env\n");
  writeFileSync(path.join(dir, ".env.local"), "ENV_FILES_TEST_LOCAL=from-local\nENV_FILES_TEST_SHARED=from-local\n");
  process.env.ENV_FILES_TEST_SET = "from-process";
  // As the server and the build run (Next.js skips .env.local under NODE_ENV=test, which Vitest sets).
  const nodeEnv = process.env.NODE_ENV;
  (process.env as Record<string, string | undefined>).NODE_ENV = "production";
  try {
    loadEnvFiles(dir);
  } finally {
    (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
  }

  expect(process.env.ENV_FILES_TEST_LOCAL).toBe("from-local");
  expect(process.env.ENV_FILES_TEST_SHARED).toBe("from-local");
  expect(process.env.ENV_FILES_TEST_SET).toBe("from-process");
});
