import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, expect, it } from "vitest";
import { compressibleFiles, precompress } from "./precompress";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it("writes gzip and brotli copies that decode to the file, skipping files too small to gain and files already compressed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "precompress-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "chunks"));
  const page = `<!doctype html><title>An article</title>${"<p>Operations, explained plainly.</p>".repeat(200)}`;
  writeFileSync(path.join(dir, "page.html"), page);
  writeFileSync(path.join(dir, "chunks", "app.js"), "console.log('a script');".repeat(50));
  writeFileSync(path.join(dir, "tiny.css"), "a{}");
  writeFileSync(path.join(dir, "photo.png"), Buffer.alloc(4096));

  const files = compressibleFiles(dir);
  expect(files.sort()).toEqual([path.join(dir, "chunks", "app.js"), path.join(dir, "page.html"), path.join(dir, "tiny.css")]);
  expect(precompress(files)).toBe(2);

  expect(gunzipSync(readFileSync(path.join(dir, "page.html.gz"))).toString()).toBe(page);
  expect(brotliDecompressSync(readFileSync(path.join(dir, "page.html.br"))).toString()).toBe(page);
  expect(readFileSync(path.join(dir, "page.html.br")).length).toBeLessThan(readFileSync(path.join(dir, "page.html.gz")).length);
  expect(existsSync(path.join(dir, "chunks", "app.js.br"))).toBe(true);
  expect(existsSync(path.join(dir, "tiny.css.gz"))).toBe(false);
  expect(compressibleFiles(dir), "the copies are not compressed again").toHaveLength(3);
});
