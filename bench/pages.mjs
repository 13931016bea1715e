// The reader's side: how fast the article is served, and what it weighs. The article's exact
// responses are captured from the production server for the plain node:http baseline
// (bench/plain-server.mjs); page weight is the HTML and the JavaScript files it loads, gzipped.
import http from "node:http";
import { gzipSync } from "node:zlib";

/** What Chromium sends: the encodings a reader's browser accepts. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** One GET with no agent (a fresh connection), the body as bytes. */
export function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${path}: no answer within 30 s`)));
    req.on("error", reject);
  });
}

/** The first article the articles index links to. */
export async function firstArticlePath(port) {
  const index = await get(port, "/articles");
  const match = /href="(\/articles\/[^"/?#]+)"/.exec(index.body.toString());
  if (index.status !== 200 || !match) throw new Error(`GET /articles answered ${index.status} with no link to an article`);
  return match[1];
}

// Per connection or per response, not part of what the page is.
const NOT_COPIED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/**
 * The page's responses as the production server sends them: to a browser (its Accept-Encoding)
 * and to a client that accepts no encoding; for the plain server to send from memory.
 */
export async function captureResponses(port, path) {
  const variants = [];
  for (const acceptEncoding of [BROWSER_ACCEPT_ENCODING, undefined]) {
    const response = await get(port, path, acceptEncoding ? { "accept-encoding": acceptEncoding } : {});
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !NOT_COPIED.has(name)));
    const encoding = response.headers["content-encoding"] ?? null;
    if (variants.some((variant) => variant.encoding === encoding)) continue;
    variants.push({ encoding, status: response.status, headers, body: response.body.toString("base64") });
  }
  return variants;
}

const gzipped = (bytes) => gzipSync(bytes).length; // zlib's default level, 6, as servers commonly use

/**
 * A page's weight: its HTML (raw, gzipped, and how much of it is inline script: React's payload)
 * and the JavaScript files its <script src> tags load, each fetched and gzipped here, so that every
 * page is measured alike whatever the server compresses.
 */
export async function pageWeight(port, path, { expectStatus = 200 } = {}) {
  const page = await get(port, path);
  if (page.status !== expectStatus) throw new Error(`GET ${path} answered ${page.status}, not ${expectStatus}`);
  const html = page.body.toString();
  const inlineScriptBytes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, [, body]) => sum + Buffer.byteLength(body), 0);
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => src.replaceAll("&amp;", "&")))];
  const scripts = [];
  for (const src of sources) {
    const url = new URL(src, "http://page");
    if (url.host !== "page") continue; // none expected: the site loads no third-party script
    const file = await get(port, url.pathname + url.search);
    if (file.status !== 200) throw new Error(`GET ${src} (loaded by ${path}) answered ${file.status}`);
    scripts.push({ src: url.pathname, bytes: file.body.length, gzip: gzipped(file.body) });
  }
  return {
    path,
    status: page.status,
    htmlBytes: page.body.length,
    htmlGzip: gzipped(page.body),
    inlineScriptBytes,
    scripts,
    jsBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    jsGzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
  };
}
