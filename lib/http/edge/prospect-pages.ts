import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ServerResponse, type IncomingMessage } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { withoutScripts } from "../without-scripts";

// The booking pages (the form, its confirmation, the manage page) are served without React, as the
// reader pages are built without it: their forms work as plain posts, so the framework's 170-odd KB
// of JavaScript, and the payload that repeats the page for hydration, only cost a phone its first
// seconds. Their HTML is taken as Next.js renders it, without its scripts, and given the page's
// own small one instead (components/booking/enhance-booking-forms.ts, bundled at build:
// scripts/build/page-scripts.mjs). Dynamic pages are rewritten as they are sent, so the whole page
// is held until Next.js has rendered it; they are small.

export const isProspectPage = (pathname: string) => pathname === "/book" || pathname.startsWith("/book/");

/** The page scripts' URLs by what they are for, as the build wrote them (scripts/build/page-scripts.mjs). */
export type PageScripts = Record<string, string>;

const pageScriptsFile = (distDir: string) => path.join(distDir, "page-scripts.json");

export function writePageScripts(distDir: string, scripts: PageScripts): void {
  writeFileSync(pageScriptsFile(distDir), JSON.stringify(scripts, null, 2));
}

/** The page scripts the build made; none (as under `next dev`) without a build's list. */
export function readPageScripts(distDir: string): PageScripts {
  const file = pageScriptsFile(distDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as PageScripts) : {};
}

/**
 * The page without Next's scripts, and with `script` (a URL of this origin: the CSP's 'self') if it
 * has a form to enhance. A page that failed or was not found mid-render is an empty shell that only
 * React fills in (`<html id="__next_error__">`): it keeps its scripts.
 */
export function asProspectPage(html: string, script: string | undefined): string {
  if (/<html[^>]*\bid="__next_error__"/.test(html)) return html;
  const page = withoutScripts(html);
  if (!script || !page.includes("data-enhance")) return page;
  return page.replace("</head>", `<script type="module" src="${script}"></script></head>`);
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) => (typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk));

/**
 * Makes `response` send HTML through `asProspectPage`, compressed with gzip when `compress` is on and
 * the client takes it (Next's own compression is turned off for the request: it would come first).
 * Anything else it sends (a redirect, a calendar file, an answer to React's own requests) goes out untouched.
 */
export function serveAsProspectPage(request: IncomingMessage, response: ServerResponse, options: { script: string | undefined; compress: boolean }): void {
  if (request.headers.rsc) return;
  const acceptsGzip = options.compress && /\bgzip\b/i.test(String(request.headers["accept-encoding"] ?? ""));
  delete request.headers["accept-encoding"];
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const chunks: Buffer[] = [];
  let isHtml: boolean | undefined;
  const holding = () => (isHtml ??= /^text\/html\b/i.test(String(response.getHeader("content-type") ?? "")));

  // The head waits for the body too: once written, the length and encoding could not follow the rewrite.
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const headers = rest.find((argument) => typeof argument === "object" && argument !== null && !Array.isArray(argument)) as Record<string, string | string[] | number> | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    if (!holding()) return writeHead(statusCode, ...rest.filter((argument) => argument !== headers));
    response.statusCode = statusCode;
    if (typeof rest[0] === "string") response.statusMessage = rest[0];
    return response;
  }) as ServerResponse["writeHead"];
  response.flushHeaders = () => {
    if (!holding()) ServerResponse.prototype.flushHeaders.call(response);
  };

  response.write = ((chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) => {
    if (!holding()) return write(chunk, encoding, callback);
    chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  }) as ServerResponse["write"];

  response.end = ((chunk?: Chunk | Callback | null, encoding?: BufferEncoding | Callback, callback?: Callback) => {
    if (!holding()) return end(chunk, encoding, callback);
    const done = [chunk, encoding, callback].find((argument): argument is Callback => typeof argument === "function");
    if (chunk != null && typeof chunk !== "function") chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    let body: Buffer = Buffer.from(asProspectPage(Buffer.concat(chunks).toString("utf8"), options.script));
    const vary = String(response.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (acceptsGzip) {
      body = gzipSync(body);
      response.setHeader("Content-Encoding", "gzip");
    }
    if (request.method !== "HEAD") response.setHeader("Content-Length", body.length);
    writeHead(response.statusCode);
    return end(body, done);
  }) as ServerResponse["end"];
}
