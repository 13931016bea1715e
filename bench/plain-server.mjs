// The article bench's baseline: a plain node:http server that answers every request with the
// article's bytes from memory, exactly as the production server sent them (its headers, its gzip
// body to a client that accepts gzip, the plain body to one that does not). No framework, no disk,
// no compression on the fly: the most a Node process can serve this page at.
// Run as its own process: node bench/plain-server.mjs PORT FILE (FILE: the captured responses, JSON).
import http from "node:http";
import { readFileSync } from "node:fs";

const [port, file] = process.argv.slice(2);
/** @type {Array<{ encoding: string | null, status: number, headers: Record<string, string>, body: string }>} */
const captured = JSON.parse(readFileSync(file, "utf8"));
const variants = captured.map((variant) => ({ ...variant, body: Buffer.from(variant.body, "base64") }));
const identity = variants.find((variant) => variant.encoding === null) ?? variants[0];

const server = http.createServer((request, response) => {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  const variant = variants.find((v) => v.encoding !== null && accepted.includes(v.encoding)) ?? identity;
  response.writeHead(variant.status, { ...variant.headers, "content-length": variant.body.length });
  response.end(variant.body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), "127.0.0.1", () => console.log(`[plain] listening on 127.0.0.1:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => process.exit(0));
