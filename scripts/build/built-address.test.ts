import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { builtForAnotherAddress, recordBuiltAddress } from "./built-address.mjs";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const buildDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "built-address-"));
  dirs.push(dir);
  return dir;
};

it("a build is for the address it recorded: APP_URL, else PORT, else the default", () => {
  const dir = buildDir();
  recordBuiltAddress(dir, { APP_URL: "https://example.com" });
  expect(builtForAnotherAddress(dir, { APP_URL: "https://example.com", PORT: "4000" })).toBe(false);
  expect(builtForAnotherAddress(dir, { APP_URL: "https://www.example.com" })).toBe(true);
  expect(builtForAnotherAddress(dir, {})).toBe(true);

  recordBuiltAddress(dir, { PORT: "4000" });
  expect(builtForAnotherAddress(dir, { PORT: "4000" })).toBe(false);
  expect(builtForAnotherAddress(dir, { PORT: "5000" })).toBe(true);

  recordBuiltAddress(dir, {});
  expect(builtForAnotherAddress(dir, {})).toBe(false);
});

it("a build that recorded no address (made before this check) counts as made for another", () => {
  expect(builtForAnotherAddress(buildDir(), {})).toBe(true);
});
