import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// Gzip and brotli copies beside each file, at the highest levels (done once, at build), which
// nginx sends as they are (gzip_static, brotli_static) to a client that accepts them.

const compressible = /\.(html|js|mjs|css|svg|json|txt|xml|webmanifest|map)$/;
/** Below this a copy saves less than its headers cost. */
const MIN_BYTES = 256;

/** Writes `FILE.gz` and `FILE.br` for each file where they are smaller; returns how many files got them. */
export function precompress(files: readonly string[]): number {
  let count = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    if (gzip.length >= bytes.length) continue;
    writeFileSync(`${file}.gz`, gzip);
    if (brotli.length < gzip.length) writeFileSync(`${file}.br`, brotli);
    count++;
  }
  return count;
}

/** Every file under `dir` that is worth compressing (text; not the copies themselves). */
export function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(dir, entry))
    .filter((file) => compressible.test(file) && statSync(file).isFile());
}
